import { spawn } from "node:child_process";
import os from "node:os";
import { HubError } from "@/lib/errors/hub-error";

export interface CommandInvocation {
  argv: readonly string[];
  /** Real absolute folder inside the workspace. */
  cwd: string;
  timeoutMs: number;
  maxOutputBytes: number;
}

export interface CommandResult {
  exitCode: number | null;
  /** Output of stdout and stderr interleaved as they arrived, cut at maxOutputBytes. */
  output: string;
  truncated: boolean;
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
}

/** Variables passed on; the hub's own settings (DATABASE_URL, AUTH_SECRET, ...) never reach a command. */
const PASSED_ENV = ["PATH", "LANG", "TZ"] as const;

/**
 * Runs a prepared command without a shell, in its own process group with a minimal environment.
 * On timeout or abort the whole group is killed (test runners fork workers that would otherwise
 * keep the pipes open). Never rejects for a failing command: the exit code is in the result;
 * rejects with HubError internal_error only when the program cannot be started.
 */
export function runCommand(invocation: CommandInvocation, signal?: AbortSignal): Promise<CommandResult> {
  const started = performance.now();
  const env: Record<string, string | undefined> = { HOME: os.tmpdir(), CI: "1", NO_COLOR: "1" };
  for (const name of PASSED_ENV) if (process.env[name]) env[name] = process.env[name];
  return new Promise((resolve, reject) => {
    const [program, ...args] = invocation.argv;
    const child = spawn(program, [...args], { cwd: invocation.cwd, env: env as NodeJS.ProcessEnv, shell: false, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let bytes = 0;
    let truncated = false;
    let timedOut = false;
    let aborted = false;
    const collect = (chunk: Buffer) => {
      const room = invocation.maxOutputBytes - bytes;
      if (room <= 0) {
        truncated = true;
        return;
      }
      if (chunk.length > room) truncated = true;
      const kept = chunk.subarray(0, room);
      chunks.push(kept);
      bytes += kept.length;
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, invocation.timeoutMs);
    const onAbort = () => {
      aborted = true;
      killGroup();
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    child.on("error", (error: NodeJS.ErrnoException) => {
      finish();
      const missing = error.code === "ENOENT";
      reject(new HubError("internal_error", missing ? `The command's program ${program} is not installed on the hub.` : `The command could not be started.`, { cause: error }));
    });
    child.on("close", (exitCode) => {
      finish();
      // The group may still hold grandchildren that closed their pipes; do not leave them running.
      if (timedOut || aborted) killGroup();
      resolve({
        exitCode,
        output: Buffer.concat(chunks).toString("utf8"),
        truncated,
        timedOut,
        aborted,
        durationMs: Math.round(performance.now() - started),
      });
    });
  });
}
