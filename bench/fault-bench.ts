// `npm run bench:faults`: measures (does not assert) how the hub behaves under faults, for
// docs/operations.md. Everything runs on loopback against servers of its own: a Postgres and a
// Redis it starts and stops, real hub processes, and a steady load of echo calls over Streamable
// HTTP. Prints a Markdown table.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort } from "@/test/helpers/find-free-port";
import { startPostgresServer, type TestPostgresServer } from "@/test/helpers/start-postgres-server";
import { startRedisServer } from "@/test/helpers/start-redis-server";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { openRawEventStream } from "@/test/integration/mcp/open-raw-event-stream";
import { runSbCli } from "@/test/integration/mcp/run-sb-cli";
import { mcpHeaders, openRawMcpSession, type RawMcpSession } from "@/test/integration/reliability/open-raw-mcp-session";

const CLIENTS = 4;
const rows: string[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Load {
  sessions: RawMcpSession[];
  statuses: Map<string, number>;
  stop(): Promise<void>;
}

/** CLIENTS sequential callers (one session each), counting answers by status (or error code). */
async function startLoad(port: number, key: string): Promise<Load> {
  const sessions = await Promise.all(Array.from({ length: CLIENTS }, () => openRawMcpSession({ port, key })));
  const statuses = new Map<string, number>();
  let running = true;
  const loops = sessions.map(async (session) => {
    while (running) {
      const outcome = await session.echo("fault").then((reply) => String(reply.status), (error: NodeJS.ErrnoException) => error.code ?? "error");
      statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
      if (outcome === "ECONNREFUSED") await sleep(50);
    }
  });
  return {
    sessions,
    statuses,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function countRows(databaseUrl: string, sessions: RawMcpSession[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = sessions.map((session) => session.sessionId);
    return Number((await client.query<{ count: string }>(`SELECT count(*) FROM "CallLog" WHERE "sessionId" = ANY($1) AND status = 'ok'`, [ids])).rows[0].count);
  } finally {
    await client.end();
  }
}

async function waitForRows(databaseUrl: string, sessions: RawMcpSession[], expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let count = 0;
  while (Date.now() < deadline) {
    count = await countRows(databaseUrl, sessions);
    if (count >= expected) break;
    await sleep(250);
  }
  return count;
}

const describeStatuses = (statuses: Map<string, number>) => [...statuses].sort().map(([status, count]) => `${count}× ${status}`).join(", ");

async function seedKey(databaseUrl: string, email: string): Promise<string> {
  await runSbCli(["user", "create", "--email", email, "--password", "correct horse battery"], { DATABASE_URL: databaseUrl });
  return runSbCli(["key", "create", "--email", email, "--name", "bench", "--rate-limit", "1000000/1m"], { DATABASE_URL: databaseUrl });
}

async function databaseOutage(database: TestPostgresServer, key: string): Promise<void> {
  const hub = await startTestHub({ databaseUrl: database.url });
  try {
    const load = await startLoad(hub.port, key);
    await sleep(2_000);
    await database.stop();
    const outageStart = Date.now();
    await sleep(20_000);
    await database.start();
    const outageMs = Date.now() - outageStart;
    await sleep(2_000);
    await load.stop();
    const answered = load.statuses.get("200") ?? 0;
    const written = await waitForRows(database.url, load.sessions, answered, 20_000);
    rows.push(`| database down ${Math.round(outageMs / 1000)} s (known key, 2 s of load either side) | ${describeStatuses(load.statuses)} | ${written} rows for ${answered} answered |`);
  } finally {
    await hub.stop();
  }
}

async function processFault(databaseUrl: string, key: string, signal: "SIGKILL" | "SIGTERM"): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sb-bench-fault-"));
  try {
    const hub = await startTestHub({ databaseUrl, dataDir });
    const load = await startLoad(hub.port, key);
    await sleep(2_000);
    const exited = new Promise((resolve) => hub.process.once("exit", resolve));
    hub.process.kill(signal);
    await exited;
    await load.stop();
    const answered = load.statuses.get("200") ?? 0;
    // A killed hub's spool is written by its successor on the same data folder.
    const successor = signal === "SIGKILL" ? await startTestHub({ databaseUrl, dataDir }) : undefined;
    const written = await waitForRows(databaseUrl, load.sessions, answered, 10_000);
    await successor?.stop();
    rows.push(`| ${signal} under load${signal === "SIGKILL" ? " (then a restart)" : ""} | ${describeStatuses(load.statuses)} | ${written} rows for ${answered} answered |`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function redisOutage(databaseUrl: string, key: string, failureMode: "open" | "closed"): Promise<void> {
  const redis = await startRedisServer();
  const hub = await startTestHub({ databaseUrl, env: { REDIS_URL: redis.url, SWITCHBOARD_RATE_LIMIT_FAILURE_MODE: failureMode } });
  try {
    for (const fault of ["down", "hanging"] as const) {
      const load = await startLoad(hub.port, key);
      await sleep(1_000);
      const before = new Map(load.statuses);
      if (fault === "down") await redis.stop();
      else redis.pause();
      const startedAt = Date.now();
      await sleep(5_000);
      const during = new Map([...load.statuses].map(([status, count]) => [status, count - (before.get(status) ?? 0)]));
      const perSecond = (([...during.values()].reduce((sum, count) => sum + count, 0) * 1000) / (Date.now() - startedAt)).toFixed(0);
      if (fault === "down") await redis.start();
      else redis.resume();
      await sleep(4_000);
      await load.stop();
      rows.push(`| Redis ${fault} 5 s, failure mode ${failureMode} | during: ${describeStatuses(during)} (${perSecond} answers/s) | whole run: ${describeStatuses(load.statuses)} |`);
    }
  } finally {
    await hub.stop();
    await redis.stop();
  }
}

async function changePropagation(databaseUrl: string): Promise<void> {
  const ports = [await findFreePort(), await findFreePort(), await findFreePort()];
  const hubs: TestHub[] = await Promise.all(ports.map((port, index) => startTestHub({ databaseUrl, port, env: { SWITCHBOARD_INSTANCE_ID: `hub${index + 1}` } })));
  const samples: number[] = [];
  try {
    for (let round = 0; round < 5; round++) {
      const email = `propagation-${round}@example.com`;
      const key = await seedKey(databaseUrl, email);
      const streams = await Promise.all(hubs.map((hub) => openRawEventStream({ port: hub.port, path: "/sse", headers: mcpHeaders(key) })));
      // The same service the console and the CLI call, from a process of its own (this one).
      process.env.DATABASE_URL = databaseUrl;
      const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
      const { CLI_ACTOR } = await import("@/lib/audit/record-audit-event");
      const { startEventFanOut } = await import("@/lib/events/start-event-fan-out");
      const stopFanOut = await startEventFanOut({ databaseUrl, instanceId: "bench" });
      const startedAt = performance.now();
      await revokeApiKey({ prefix: key.slice(0, 12), actor: CLI_ACTOR });
      await Promise.all(streams.map((stream) => stream.ended));
      samples.push(performance.now() - startedAt);
      await stopFanOut();
    }
  } finally {
    await Promise.all(hubs.map((hub) => hub.stop()));
  }
  samples.sort((a, b) => a - b);
  rows.push(`| key revoked → its SSE sessions ended on all 3 instances (5 rounds) | median ${samples[2].toFixed(0)} ms, max ${samples[4].toFixed(0)} ms | — |`);
}

const database = await startPostgresServer();
try {
  const key = await seedKey(database.url, "faults@example.com");
  await databaseOutage(database, key);
  await processFault(database.url, key, "SIGKILL");
  await processFault(database.url, key, "SIGTERM");
  await redisOutage(database.url, key, "open");
  await redisOutage(database.url, key, "closed");
  await changePropagation(database.url);
} finally {
  await database.remove();
}
console.log(`Fault figures (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${CLIENTS} sequential clients on loopback)\n`);
console.log("| fault | calls | call-log rows |");
console.log("| --- | --- | --- |");
for (const row of rows) console.log(row);
process.exit(0);
