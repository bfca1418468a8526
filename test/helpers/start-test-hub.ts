import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface TestHub {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the hub printed so far (stdout + stderr). */
  output(): string;
  /** SIGTERM and wait for exit; resolves the exit code. */
  stop(): Promise<number | null>;
}

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Starts the real hub (`mcp/server/start-hub.ts`) against `databaseUrl` in a fresh data folder,
 * by default MCP only (SWITCHBOARD_CONSOLE=off: no Next build) on a free port, without Redis
 * unless `env` sets REDIS_URL; resolves once it prints its ready line. `cwd` runs another
 * checkout (e.g. a console build), `port` fixes the port (when the public URL must name it).
 */
export async function startTestHub(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  cwd?: string;
  port?: number;
  readyTimeoutMs?: number;
  /** A data folder the caller owns (kept after stop: e.g. a restart after a kill reuses it). */
  dataDir?: string;
}): Promise<TestHub> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "sb-test-hub-"));
  const removeDataDir = () => {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const child = spawn(process.execPath, ["--import", "tsx", "mcp/server/start-hub.ts"], {
    cwd: options.cwd ?? REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port ?? 0),
      HOST: "127.0.0.1",
      SWITCHBOARD_CONSOLE: "off",
      SWITCHBOARD_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      // In-process rate limits unless a test opts into Redis: shared limiter state (per-IP failure
      // counts for 127.0.0.1) would otherwise leak between test files and runs.
      REDIS_URL: "",
      UPSTASH_REDIS_REST_URL: "",
      UPSTASH_REDIS_REST_TOKEN: "",
      // For a test that opts into Redis: a rate-limit decision that takes longer than the
      // production 50 ms (common on a loaded test machine) is made in process, where the counts so
      // far are not, and a 429 the test expects never comes. redis-faults sets the production value.
      SWITCHBOARD_RATE_LIMIT_TIMEOUT_MS: "2000",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`hub did not start within ${readyTimeoutMs / 1000} s:\n${output}`)), readyTimeoutMs);
      const onData = () => {
        const match = /ready on port (\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout.on("data", onData);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`hub exited with ${code} before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    removeDataDir();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    output: () => output,
    stop: async () => {
      // Signal once: a second SIGTERM forces an immediate exit 1 by design.
      if (child.exitCode === null && !child.killed) child.kill("SIGTERM");
      const code = await exited;
      removeDataDir();
      return code;
    },
  };
}
