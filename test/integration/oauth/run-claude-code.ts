import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** Claude Code 2.1.332 from test/peers (its own install); undefined when the peers are not installed. */
export const CLAUDE_BIN = path.resolve(import.meta.dirname, "../../peers/node_modules/.bin/claude");
export const CLAUDE_INSTALLED = existsSync(CLAUDE_BIN);

/** The environment Claude Code runs in: its own HOME (config and credentials), no telemetry. */
export function claudeEnv(home: string, extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, ".config"),
    CLAUDE_CONFIG_DIR: path.join(home, ".claude"),
    DISABLE_TELEMETRY: "1",
    DISABLE_AUTOUPDATER: "1",
    DISABLE_ERROR_REPORTING: "1",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    NO_COLOR: "1",
    ...extra,
  };
}

/** Runs one `claude` command to completion; resolves stdout + stderr. */
export function runClaude(args: string[], env: Record<string, string | undefined>, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(CLAUDE_BIN, args, { env: env as NodeJS.ProcessEnv, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/**
 * Starts a long-running `claude` command (e.g. `mcp login`) on a pseudo-terminal (util-linux
 * `script`: `mcp login` refuses to run without one), collecting its output.
 */
export function startClaude(args: string[], env: Record<string, string | undefined>): { child: ChildProcess; output(): string; exited: Promise<number | null> } {
  const command = [CLAUDE_BIN, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
  const child = spawn("script", ["-q", "-e", "-c", command, "/dev/null"], { env: env as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}
