import { execFile, execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { findFreePort } from "@/test/helpers/find-free-port";

const run = promisify(execFile);
const BIN = "/usr/lib/postgresql/15/bin";

export interface TestPostgresServer {
  /** A migrated database `switchboard` on this server. */
  url: string;
  port: number;
  /** Starts the server again (same data folder, same port). */
  start(): Promise<void>;
  /** Stops it at once (`-m immediate`: an outage, not a clean shutdown). */
  stop(): Promise<void>;
  /** Stops it and removes its folder (idempotent). */
  remove(): Promise<void>;
}

function idOf(flag: "-u" | "-g"): number {
  return Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
}

/** Runs a Postgres binary as the `postgres` user when this process is root (initdb refuses root). */
async function asPostgres(binary: string, args: string[]): Promise<void> {
  const command = path.join(BIN, binary);
  if (process.getuid?.() === 0) await run("runuser", ["-u", "postgres", "--", command, ...args]);
  else await run(command, args);
}

/**
 * A Postgres 15 server of the test's own (Debian's binaries, trust auth on 127.0.0.1, a free port,
 * a temporary folder), with one migrated database: tests that take the database down must never
 * touch the machine's server.
 */
export async function startPostgresServer(): Promise<TestPostgresServer> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "sb-test-own-pg-"));
  chmodSync(folder, 0o755);
  const dataDir = path.join(folder, "data");
  if (process.getuid?.() === 0) chownSync(folder, idOf("-u"), idOf("-g"));
  const port = await findFreePort();
  await asPostgres("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  let running = false;
  const server: TestPostgresServer = {
    url: `postgresql://postgres@127.0.0.1:${port}/switchboard`,
    port,
    async start() {
      if (running) return;
      await asPostgres("pg_ctl", ["-D", dataDir, "-l", path.join(folder, "log"), "-w", "-o", `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
      running = true;
    },
    async stop() {
      if (!running) return;
      running = false;
      await asPostgres("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    },
    async remove() {
      await server.stop().catch(() => {});
      rmSync(folder, { recursive: true, force: true });
    },
  };
  try {
    await server.start();
    const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query("CREATE DATABASE switchboard");
    await admin.end();
    await migrateDatabase(server.url);
  } catch (error) {
    await server.remove();
    throw error;
  }
  return server;
}
