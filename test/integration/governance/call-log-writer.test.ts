import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import type { Principal } from "@/lib/api-keys/principal";
import { flushCallLog, getCallLogQueueDepth, startCallLogWriter, stopCallLogWriter } from "@/lib/call-log/call-log-writer";
import { insertCallLogRows, type CallLogRow } from "@/lib/call-log/insert-call-log-rows";
import { recordToolCall, type ToolCallRecord } from "@/lib/call-log/record-tool-call";
import { replayCallLogSpool } from "@/lib/call-log/replay-call-log-spool";
import { getDatabasePool } from "@/lib/db/get-database-pool";
import { disconnectPrisma, getPrisma } from "@/lib/db/prisma";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";

let database: TestDatabase;
let admin: pg.Client;
let databaseName: string;

const principal: Principal = { userId: randomUUID(), email: "w@example.com", role: "member", keyId: randomUUID(), keyPrefix: "sb_writer", allowedTools: [], rateLimitPolicy: null };

const TRACE_PARENT = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01";

function call(overrides: Partial<ToolCallRecord> = {}): ToolCallRecord {
  return {
    at: new Date(), principal, sessionId: "s1", transport: "streamable", clientName: "claude-code", clientVersion: "2.0",
    toolName: "echo", toolVersion: "1.0.0", status: "ok", durationMs: 3, requestBytes: 40, resultBytes: 80, errorCode: null, ...overrides,
  };
}

async function countRows(toolName: string): Promise<number> {
  return getPrisma().callLog.count({ where: { toolName } });
}

/** A real outage: no new connections to the test database, existing ones killed. */
async function takeDatabaseDown(): Promise<void> {
  await admin.query(`ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS false`);
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [databaseName]);
}

async function bringDatabaseBack(): Promise<void> {
  await admin.query(`ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS true`);
}

before(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  databaseName = new URL(database.url).pathname.slice(1);
  const adminUrl = new URL(database.url);
  adminUrl.pathname = "/postgres";
  admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
});

after(async () => {
  await stopCallLogWriter();
  await bringDatabaseBack().catch(() => {});
  await admin?.end();
  await disconnectPrisma();
  await database?.drop();
});

describe("call-log writer", () => {
  it("writes every recorded call in batches, with the call's fields and no argument values", async () => {
    await stopCallLogWriter();
    startCallLogWriter({ batchSize: 500, flushIntervalMs: 50 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 2_345 }, (_, index) => recordToolCall(call({ toolName: "bulk", durationMs: index % 100, traceParent: TRACE_PARENT }))));
    assert.ok(Date.now() - started < 2_000, "recording does not wait for the database");
    await flushCallLog();
    assert.equal(await countRows("bulk"), 2_345);
    const row = await getPrisma().callLog.findFirstOrThrow({ where: { toolName: "bulk" } });
    assert.deepEqual(
      { ...row, id: 0n, at: null, durationMs: 0 },
      {
        id: 0n, at: null, kind: "tool", userId: principal.userId, apiKeyId: principal.keyId, keyPrefix: "sb_writer", sessionId: "s1", transport: "streamable",
        clientName: "claude-code", clientVersion: "2.0", toolName: "bulk", toolVersion: "1.0.0", status: "ok", durationMs: 0,
        requestBytes: 40, resultBytes: 80, errorCode: null, traceParent: TRACE_PARENT,
      },
    );
  });

  it("keeps rows through a database outage, applies backpressure when full, and writes them all once it is back", async () => {
    await stopCallLogWriter();
    // Its own client, so the outage hits the writer's pool like a real one would.
    const store = new pg.Pool({ connectionString: database.url, connectionTimeoutMillis: 1_000 });
    // The outage kills its idle connections: heard, as getDatabasePool's pool does.
    store.on("error", () => {});
    startCallLogWriter({ batchSize: 50, flushIntervalMs: 50, maxBuffered: 100, maxBackoffMs: 300, store: () => store });
    try {
      await takeDatabaseDown();
      const accepted: Promise<void>[] = [];
      for (let index = 0; index < 100; index += 1) accepted.push(recordToolCall(call({ toolName: "outage" })));
      await Promise.all(accepted);
      let waitingResolved = 0;
      const waiting = Array.from({ length: 50 }, () => recordToolCall(call({ toolName: "outage" })).then(() => void (waitingResolved += 1)));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      assert.equal(waitingResolved, 0, "calls past the buffer wait instead of being dropped");
      assert.equal(getCallLogQueueDepth(), 150);
      const failures = (await getMetrics().callLogWriteFailures.get()).values[0]?.value ?? 0;
      assert.ok(failures >= 1, "failed inserts are counted");
      await bringDatabaseBack();
      await Promise.all(waiting);
      await flushCallLog();
      assert.equal(await countRows("outage"), 150, "nothing lost, nothing duplicated");
      assert.equal(getCallLogQueueDepth(), 0);
    } finally {
      await bringDatabaseBack();
      await stopCallLogWriter();
      await store.end();
    }
  });

  it("flushes what is buffered on shutdown", async () => {
    startCallLogWriter({ batchSize: 10_000, flushIntervalMs: 60_000 });
    for (let index = 0; index < 30; index += 1) await recordToolCall(call({ toolName: "shutdown" }));
    assert.equal(await countRows("shutdown"), 0, "still buffered (long interval)");
    await stopCallLogWriter();
    assert.equal(await countRows("shutdown"), 30);
  });

  it("replays a spool segment: rows already inserted are skipped, a row from before traceParent and kind gets NULL and tool, a cut line is dropped", async () => {
    const row = (sessionId: string, durationMs: number): CallLogRow => ({
      at: new Date(), kind: "prompt", userId: principal.userId, apiKeyId: principal.keyId, keyPrefix: "sb_writer", sessionId, transport: "sse", clientName: "c", clientVersion: "1",
      toolName: "replayed", toolVersion: "1.0.0", status: "error", durationMs, requestBytes: 7, resultBytes: 9, errorCode: "tool_error", traceParent: TRACE_PARENT,
    });
    const landed = row("landed", 1.234567);
    const lost = row("lost", 2.5);
    const { traceParent: _dropped, kind: _alsoDropped, ...old } = row("old", 3);
    // The batch holding `landed` was inserted just before the kill.
    await insertCallLogRows(getDatabasePool(), [JSON.stringify(landed)]);
    const dir = mkdtempSync(path.join(os.tmpdir(), "sb-spool-"));
    try {
      const segment = path.join(dir, `${process.pid}-${Date.now()}-0.ndjson`);
      writeFileSync(segment, [landed, lost, old].map((line) => `${JSON.stringify(line)}\n`).join("") + JSON.stringify(row("cut", 4)).slice(0, 40));
      assert.equal(await replayCallLogSpool(dir), 3);
      assert.equal(existsSync(segment), false, "a replayed segment is deleted");
      const rows = await getPrisma().callLog.findMany({ where: { toolName: "replayed" }, orderBy: { sessionId: "asc" } });
      assert.deepEqual(
        rows.map((r) => [r.sessionId, r.kind, r.durationMs, r.traceParent, r.status, r.errorCode, r.at.getTime()]),
        [
          ["landed", "prompt", 1.234567, TRACE_PARENT, "error", "tool_error", landed.at.getTime()],
          ["lost", "prompt", 2.5, TRACE_PARENT, "error", "tool_error", lost.at.getTime()],
          ["old", "tool", 3, null, "error", "tool_error", old.at.getTime()],
        ],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
