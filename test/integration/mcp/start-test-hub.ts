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

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");

/**
 * Starts the real hub (`mcp/server/start-hub.ts`) on a free port against `databaseUrl`, MCP only
 * (SWITCHBOARD_CONSOLE=off: no Next build) without Redis unless `env` sets REDIS_URL, and resolves
 * once it prints its ready line.
 */
export async function startTestHub(options: { databaseUrl: string; env?: Record<string, string> }): Promise<TestHub> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sb-mcp-hub-"));
  const child = spawn(process.execPath, ["--import", "tsx", "mcp/server/start-hub.ts"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      SWITCHBOARD_CONSOLE: "off",
      SWITCHBOARD_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      // In-process rate limits unless a test opts into Redis: shared limiter state (per-IP failure
      // counts for 127.0.0.1) would otherwise leak between test files and runs.
      REDIS_URL: "",
      UPSTASH_REDIS_REST_URL: "",
      UPSTASH_REDIS_REST_TOKEN: "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start within 60 s:\n${output}`)), 60_000);
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
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    output: () => output,
    stop: async () => {
      // Signal once: a second SIGTERM forces an immediate exit 1 by design.
      if (child.exitCode === null && !child.killed) child.kill("SIGTERM");
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
