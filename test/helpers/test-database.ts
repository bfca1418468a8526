import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { listMigrationFiles } from "@/lib/db/list-migration-files";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/lib/db/start-embedded-postgres";

export interface TestDatabase {
  /** Connection URL of a fresh, migrated database; set process.env.DATABASE_URL to it before getPrisma(). */
  url: string;
  /** Drops the database (terminating open connections). Safe to call twice. */
  drop(): Promise<void>;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
// Captured at load: tests point process.env.DATABASE_URL at their own database afterwards.
const configuredServerUrl = process.env.DATABASE_URL || undefined;

interface EmbeddedState {
  dataDir: string;
  handle?: Promise<EmbeddedPostgresHandle>;
  idleTimer?: NodeJS.Timeout;
}
let embedded: EmbeddedState | undefined;
let liveDatabases = 0;

/**
 * A fresh database (sb_test_<random>) with every migration applied (a copy of migratedTemplate),
 * on DATABASE_URL's server when set (e.g. postgresql://postgres@127.0.0.1:5432/test) or else on
 * an embedded Postgres this test
 * process starts in a temporary data folder (stopped once no test database is left, removed at
 * exit). Refuses a server that is not on this machine: tests create and drop databases.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = await resolveServerUrl();
  const template = await migratedTemplate(serverUrl);
  const name = `sb_test_${randomBytes(6).toString("hex")}`;
  const admin = await connectAdmin(serverUrl);
  try {
    await whileInUse(() => admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(template)}`));
  } finally {
    await admin.end();
  }
  liveDatabases += 1;
  const url = withDatabase(serverUrl, name);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    const client = await connectAdmin(serverUrl);
    try {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    } finally {
      await client.end();
      liveDatabases -= 1;
      scheduleEmbeddedStop();
    }
  };
  return { url, drop };
}

/** Serialises building the template across test processes (on the server's `postgres` database). */
const TEMPLATE_LOCK_KEY = 7_420_152;
const templates = new Map<string, Promise<string>>();

/**
 * A database with every migration applied, built once per server and set of migrations (its name
 * carries their checksums), which test databases are copied from: a copy takes a fraction of
 * applying the migrations again, and the test files of a run create dozens. Templates of older
 * migration sets are left in place (a few MB each): another checkout's tests may still copy theirs.
 */
function migratedTemplate(serverUrl: string): Promise<string> {
  let template = templates.get(serverUrl);
  if (!template) {
    template = buildTemplate(serverUrl);
    templates.set(serverUrl, template);
    template.catch(() => templates.delete(serverUrl));
  }
  return template;
}

async function buildTemplate(serverUrl: string): Promise<string> {
  const digest = createHash("sha256");
  for (const file of await listMigrationFiles()) digest.update(`${file.name}:${file.checksum}\n`);
  const template = `sb_template_${digest.digest("hex").slice(0, 16)}`;
  const admin = await connectAdmin(serverUrl);
  try {
    await admin.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK_KEY]);
    const existing = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (existing.rowCount) return template;
    // Built under another name and renamed once complete: a half-migrated template is never copied.
    const building = `${template}_building`;
    // Left by a test run killed while building (under the lock, no one else is).
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(building)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(building)}`);
    await migrateDatabase(withDatabase(serverUrl, building));
    await whileInUse(() => admin.query(`ALTER DATABASE ${admin.escapeIdentifier(building)} RENAME TO ${admin.escapeIdentifier(template)}`));
    return template;
  } finally {
    await admin.end();
  }
}

/**
 * Runs `statement` again while Postgres says the database is in use (55006): a client that just
 * disconnected from it may not have left the server yet. Gives up after about 5 s.
 */
async function whileInUse<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await statement();
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function resolveServerUrl(): Promise<string> {
  if (configuredServerUrl) {
    assertLocalServer(configuredServerUrl);
    return configuredServerUrl;
  }
  if (!embedded) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "sb-test-pg-"));
    embedded = { dataDir };
    process.once("exit", () => removeEmbeddedDataDir(dataDir));
  }
  clearTimeout(embedded.idleTimer);
  embedded.handle ??= startEmbeddedPostgres({ dataDir: embedded.dataDir, owner: "cli" });
  return (await embedded.handle).url;
}

function assertLocalServer(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Refusing to run tests against database host ${host}: tests create and drop databases; point DATABASE_URL at a local server.`);
  }
}

// A running embedded server keeps the event loop (and so this test file) alive: stop it once
// idle, and start it again (fast: the cluster exists) if another test needs a database.
function scheduleEmbeddedStop(): void {
  const state = embedded;
  if (!state?.handle || liveDatabases > 0) return;
  clearTimeout(state.idleTimer);
  state.idleTimer = setTimeout(() => {
    const handle = state.handle;
    state.handle = undefined;
    void handle?.then((server) => server.stop()).catch(() => {});
  }, 500);
}

function removeEmbeddedDataDir(dataDir: string): void {
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  if (!existsSync(pidFile)) {
    rmSync(dataDir, { recursive: true, force: true });
    return;
  }
  // Still running (the library's exit hook is signalling it): remove the folder once it is gone.
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0], 10);
  const cleanup = spawn("sh", ["-c", `while kill -0 ${pid} 2>/dev/null; do sleep 0.2; done; rm -rf '${dataDir}'`], {
    detached: true,
    stdio: "ignore",
  });
  cleanup.unref();
}

async function connectAdmin(serverUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  client.on("error", () => {});
  await client.connect();
  return client;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
