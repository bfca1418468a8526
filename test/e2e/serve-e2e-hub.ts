/**
 * Playwright's webServer command: a fresh, migrated database for this run, a Next build when the
 * sources are newer than .next, then the real hub (mcp/server/start-hub.ts) on that database.
 * The database is dropped when the hub exits (Playwright stops us with SIGTERM).
 *
 * The database is made here rather than in a Playwright globalSetup because Playwright starts
 * webServer before globalSetup, so a URL created there would reach the server too late.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "@/test/helpers/test-database";

const root = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const SOURCES = ["app", "lib", "mcp", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "proxy.ts"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Rebuild when .next is missing or older than any source, so the browser never tests stale code. */
function buildIsStale(): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > built);
}

/**
 * Another `next build` in this checkout (a second test run, `npm start`'s first build) holds
 * .next/lock and makes ours fail at once; wait for it (bounded: a killed build may leave the file).
 */
async function waitForOtherBuild(): Promise<void> {
  const lock = path.join(root, ".next/lock");
  for (let waited = 0; existsSync(lock) && waited < 300; waited += 2) {
    if (waited === 0) console.log("[e2e] another Next build is running in this checkout: waiting for it");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

const database = await createTestDatabase();
const databaseName = new URL(database.url).pathname.slice(1);
console.log(`[e2e] fresh database ${databaseName}`);
// Specs that administer the hub through the sb CLI (tools-admin.spec.ts) find the database here.
if (process.env.SWITCHBOARD_DATA_DIR) {
  mkdirSync(process.env.SWITCHBOARD_DATA_DIR, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(process.env.SWITCHBOARD_DATA_DIR, "e2e-database-url"), database.url, { mode: 0o600 });
}
const env = { ...process.env, DATABASE_URL: database.url, NODE_ENV: "production" as const };

await waitForOtherBuild();
if (buildIsStale()) {
  console.log("[e2e] sources changed since the last Next build: building");
  const build = spawnSync(bin("next"), ["build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) {
    await database.drop();
    process.exit(build.status ?? 1);
  }
}

const startHub = path.join(root, "mcp/server/start-hub.ts");
const hub: ChildProcess = existsSync(startHub)
  ? spawn(bin("tsx"), [startHub], { cwd: root, env, stdio: "inherit" })
  : // Until the MCP helper's custom server exists, the console alone is enough for these tests.
    spawn(bin("next"), ["start", "--port", process.env.PORT ?? "3000", "--hostname", process.env.HOST ?? "127.0.0.1"], { cwd: root, env, stdio: "inherit" });

for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => hub.kill(signal));

hub.on("exit", async (code, signal) => {
  try {
    await database.drop();
    console.log(`[e2e] dropped database ${databaseName}`);
  } catch (error) {
    // One line: the reason is what matters (a stack trace here buried the run's own summary).
    console.error(`[e2e] could not drop the test database ${databaseName}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
  // The per-run data folder (auth secret, database URL) from playwright.config.ts; never anything else.
  const dataDir = process.env.SWITCHBOARD_DATA_DIR;
  if (dataDir && path.dirname(path.resolve(dataDir)) === os.tmpdir() && path.basename(dataDir).startsWith("switchboard-e2e-")) {
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(code ?? (signal ? 0 : 1));
});
