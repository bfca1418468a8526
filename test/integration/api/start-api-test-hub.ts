import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { prepareConsoleBuild } from "./prepare-console-build";

export interface ApiTestHub {
  /** Base URL, e.g. http://127.0.0.1:40123 (also the hub's public URL). */
  url: string;
  /** Everything the hub printed so far. */
  output(): string;
  /** SIGTERM, wait for exit, remove the data folder. */
  stop(): Promise<void>;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The real hub (mcp/server/start-hub.ts) with the console on — route handlers need Next — from
 * the API tests' own production build (prepareConsoleBuild), against `databaseUrl`. The public
 * URL is the hub's own address, so same-origin checks see what a browser on it would send.
 */
export async function startApiTestHub(options: { databaseUrl: string; env?: Record<string, string> }): Promise<ApiTestHub> {
  const build = await prepareConsoleBuild();
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sb-api-hub-"));
  const child = spawn(process.execPath, ["--import", "tsx", "mcp/server/start-hub.ts"], {
    cwd: build.dir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      SWITCHBOARD_PUBLIC_URL: url,
      SWITCHBOARD_CONSOLE: "on",
      SWITCHBOARD_DEV: "false",
      SWITCHBOARD_DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      // In-process limits: a shared Redis would carry failed-authentication counts per IP from
      // other test files into this hub's 401 cases (the error table sends several bad keys).
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
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`hub not ready within 120 s:\n${output}`)), 120_000);
      child.stdout.on("data", () => {
        if (!/is ready on port/.test(output)) return;
        clearTimeout(timer);
        resolve();
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`hub exited before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
    build.release();
    throw error;
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
      build.release();
    },
  };
}
