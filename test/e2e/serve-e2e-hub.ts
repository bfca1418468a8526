/**
 * Playwright's webServer command: a fresh, migrated database for this run, the console build the
 * API tests use (rebuilt when a source changed), then the real hub (mcp/server/start-hub.ts) from
 * that build on that database.
 * The database is dropped when the hub exits (Playwright stops us with SIGTERM).
 *
 * The database is made here rather than in a Playwright globalSetup because Playwright starts
 * webServer before globalSetup, so a URL created there would reach the server too late.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareConsoleBuild, type ConsoleBuild } from "@/test/helpers/prepare-console-build";
import { createTestDatabase } from "@/test/helpers/test-database";

const database = await createTestDatabase();
const databaseName = new URL(database.url).pathname.slice(1);
console.log(`[e2e] fresh database ${databaseName}`);
// Specs that administer the hub through the sb CLI (tools-admin.spec.ts) find the database here.
if (process.env.SWITCHBOARD_DATA_DIR) {
  mkdirSync(process.env.SWITCHBOARD_DATA_DIR, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(process.env.SWITCHBOARD_DATA_DIR, "e2e-database-url"), database.url, { mode: 0o600 });
}

// The API tests' console build, reused (npm test runs them first): one `next build` per run.
let build: ConsoleBuild;
try {
  build = await prepareConsoleBuild();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  await database.drop();
  process.exit(1);
}
const hub: ChildProcess = spawn(path.join(build.dir, "node_modules/.bin/tsx"), [path.join(build.dir, "mcp/server/start-hub.ts")], {
  cwd: build.dir,
  env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: "production" },
  stdio: "inherit",
});

for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => hub.kill(signal));

hub.on("exit", async (code, signal) => {
  build.release();
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
