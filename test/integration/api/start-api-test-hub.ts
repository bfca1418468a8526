import { randomBytes } from "node:crypto";
import { findFreePort } from "@/test/helpers/find-free-port";
import { startTestHub } from "@/test/helpers/start-test-hub";
import { prepareConsoleBuild } from "@/test/helpers/prepare-console-build";

export interface ApiTestHub {
  /** Base URL, e.g. http://127.0.0.1:40123 (also the hub's public URL). */
  url: string;
  /** Everything the hub printed so far. */
  output(): string;
  /** SIGTERM, wait for exit, remove the data folder. */
  stop(): Promise<void>;
}

/**
 * The real hub with the console on — route handlers need Next — from the API tests' own
 * production build (prepareConsoleBuild), against `databaseUrl`. The public URL is the hub's own
 * address, so same-origin checks see what a browser on it would send. Without Redis (as every
 * test hub): a shared Redis would carry failed-authentication counts per IP from other test files
 * into this hub's 401 cases.
 */
export async function startApiTestHub(options: { databaseUrl: string; env?: Record<string, string> }): Promise<ApiTestHub> {
  const build = await prepareConsoleBuild();
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  try {
    const hub = await startTestHub({
      databaseUrl: options.databaseUrl,
      cwd: build.dir,
      port,
      readyTimeoutMs: 120_000,
      env: {
        NODE_ENV: "production",
        SWITCHBOARD_PUBLIC_URL: url,
        SWITCHBOARD_CONSOLE: "on",
        SWITCHBOARD_DEV: "false",
        AUTH_SECRET: randomBytes(32).toString("hex"),
        NEXT_TELEMETRY_DISABLED: "1",
        ...options.env,
      },
    });
    return {
      url,
      output: hub.output,
      stop: async () => {
        await hub.stop();
        build.release();
      },
    };
  } catch (error) {
    build.release();
    throw error;
  }
}
