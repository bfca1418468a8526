import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import pg from "pg";
import { enqueueCallLog, flushCallLog, type CallLogRow } from "@/lib/call-log/call-log-writer";
import { compactCallRollups } from "@/lib/call-log/compact-call-rollups";
import { pruneCallLogs } from "@/lib/call-log/prune-call-logs";
import { startCallLogMaintenance } from "@/lib/call-log/start-call-log-maintenance";
import { rollUpCallLogs } from "@/lib/call-log/roll-up-call-logs";
import { getPrisma } from "@/lib/db/prisma";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { getCallsOverTime } from "@/lib/usage/get-calls-over-time";
import { getRateLimitViolationsOverTime } from "@/lib/usage/get-rate-limit-violations-over-time";
import { getRequestsByClient } from "@/lib/usage/get-requests-by-client";
import { getRequestsByKey } from "@/lib/usage/get-requests-by-key";
import { getToolUsageStats } from "@/lib/usage/get-tool-usage-stats";
import { listCallLogs } from "@/lib/usage/list-call-logs";
import { resolveUsageUserFilter } from "@/lib/usage/resolve-usage-user-filter";
import { buildCallLogRow } from "@/test/integration/governance/build-call-log-row";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Mid-minute, so "five minutes ago" is never on a boundary.
const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE + 30_000);
const minuteAgo = (minutes: number) => new Date(Math.floor(now.getTime() / MINUTE) * MINUTE - minutes * MINUTE);
const userA = randomUUID();
const userB = randomUUID();
const keyA = randomUUID();
const keyB = randomUUID();

function row(overrides: Partial<CallLogRow>): CallLogRow {
  return buildCallLogRow({ at: now, userId: userA, apiKeyId: keyA, keyPrefix: "sb_a", toolName: "alpha" }, overrides);
}

async function insertRows(rows: CallLogRow[]): Promise<void> {
  await getPrisma().callLog.createMany({ data: rows });
}

async function rollups(where: { toolName?: string } = {}) {
  return getPrisma().callRollup.findMany({ where, orderBy: [{ minute: "asc" }, { toolName: "asc" }, { status: "asc" }] });
}

const database = useGovernanceDatabase(async () => {
  // A database whose time zone has a half-hour offset: minute and hour boundaries, and every
  // timestamp the hub writes and reads, must still be UTC's.
  const admin = new pg.Client({ connectionString: database().url });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${new URL(database().url).pathname.slice(1)}" SET timezone TO 'Asia/Kolkata'`);
  await admin.end();
  const check = new pg.Client({ connectionString: database().url });
  await check.connect();
  assert.equal((await check.query<{ TimeZone: string }>("SHOW timezone")).rows[0].TimeZone, "Asia/Kolkata");
  await check.end();
  const fiveAgo = minuteAgo(5);
  await insertRows([
    ...[1, 3, 8, 40, 400].map((durationMs, index) => row({ at: new Date(fiveAgo.getTime() + index * 1000), durationMs })),
    row({ at: fiveAgo, status: "error", durationMs: 20, errorCode: "tool_failed" }),
    ...Array.from({ length: 10 }, (_, index) => row({ at: new Date(fiveAgo.getTime() + index * 100), toolName: "beta", userId: userB, apiKeyId: keyB, clientName: null, durationMs: 100 })),
  ]);
});


describe("call-log roll-up", () => {
  it("aggregates raw rows per minute, tool, user, key, client and status with a latency histogram", async () => {
    await rollUpCallLogs({ now });
    const rows = await rollups();
    assert.deepEqual(
      rows.map((r) => [r.minute.toISOString(), r.toolName, r.userId, r.apiKeyId, r.clientName, r.status, r.calls, r.totalMs, r.maxMs, r.buckets]),
      [
        [minuteAgo(5).toISOString(), "alpha", userA, keyA, "claude-code", "ok", 5, 452, 400, [1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]],
        [minuteAgo(5).toISOString(), "alpha", userA, keyA, "claude-code", "error", 1, 20, 20, [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
        [minuteAgo(5).toISOString(), "beta", userB, keyB, "", "ok", 10, 1000, 100, [0, 0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
      ],
    );
  });

  it("is idempotent: running again changes nothing", async () => {
    const before = await rollups();
    await rollUpCallLogs({ now });
    await rollUpCallLogs({ now: new Date(now.getTime() + 1000) });
    assert.deepEqual(await rollups(), before);
  });

  it("includes the still-open current minute, and picks up its later rows on the next run", async () => {
    await insertRows([row({ at: new Date(now.getTime() - 1000), toolName: "gamma" })]);
    await rollUpCallLogs({ now });
    assert.equal((await rollups({ toolName: "gamma" }))[0]?.calls, 1);
    await insertRows([row({ at: now, toolName: "gamma" })]);
    await rollUpCallLogs({ now: new Date(now.getTime() + 5_000) });
    assert.equal((await rollups({ toolName: "gamma" }))[0]?.calls, 2);
  });

  it("rolls up rows that reach the database late (after an outage) through the writer", async () => {
    await rollUpCallLogs({ now });
    await enqueueCallLog(row({ at: minuteAgo(20), toolName: "late" }));
    await flushCallLog();
    await rollUpCallLogs({ now });
    const late = await rollups({ toolName: "late" });
    assert.deepEqual(late.map((r) => [r.minute.toISOString(), r.calls]), [[minuteAgo(20).toISOString(), 1]]);
  });

  it("compacts day-old minutes into hourly rows without changing totals, and recomputes a compacted hour on late rows", async () => {
    const hour = new Date(Math.floor((now.getTime() - 2 * 24 * HOUR) / HOUR) * HOUR);
    await insertRows([
      row({ at: new Date(hour.getTime() + 5 * MINUTE), toolName: "old", durationMs: 3 }),
      row({ at: new Date(hour.getTime() + 20 * MINUTE), toolName: "old", durationMs: 700 }),
      row({ at: new Date(hour.getTime() + 21 * MINUTE), toolName: "old", durationMs: 30 }),
    ]);
    await rollUpCallLogs({ now, from: hour, to: new Date(hour.getTime() + HOUR) });
    assert.equal((await rollups({ toolName: "old" })).length, 3);
    await compactCallRollups({ now });
    const compacted = await rollups({ toolName: "old" });
    assert.deepEqual(
      compacted.map((r) => [r.minute.toISOString(), r.calls, r.totalMs, r.maxMs, r.buckets]),
      [[hour.toISOString(), 3, 733, 700, [0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]]],
    );
    assert.equal((await rollups({ toolName: "alpha" })).length, 2, "recent minutes stay per minute");
    await compactCallRollups({ now });
    assert.deepEqual(await rollups({ toolName: "old" }), compacted, "compaction is idempotent");
    await enqueueCallLog(row({ at: new Date(hour.getTime() + 45 * MINUTE), toolName: "old", durationMs: 3 }));
    await flushCallLog();
    await rollUpCallLogs({ now });
    assert.deepEqual((await rollups({ toolName: "old" })).map((r) => [r.minute.toISOString(), r.calls]), [[hour.toISOString(), 4]]);
  });
});

describe("usage queries (from rollups)", () => {
  it("per-tool calls, error rate and p50/p95/p99 from the histograms", async () => {
    const stats = await getToolUsageStats({ range: "1h", now });
    const alpha = stats.find((s) => s.toolName === "alpha");
    assert.deepEqual(alpha, { toolName: "alpha", calls: 6, errors: 1, errorRate: 1 / 6, avgMs: 78.667, p50Ms: 10, p95Ms: 355, p99Ms: 391, maxMs: 400 });
    assert.deepEqual(stats.map((s) => s.toolName), ["beta", "alpha", "gamma", "late"]);
  });

  it("filters by user (members see their own calls)", async () => {
    const stats = await getToolUsageStats({ range: "1h", now, userId: userB });
    assert.deepEqual(stats.map((s) => [s.toolName, s.calls, s.p50Ms]), [["beta", 10, 75]]);
    assert.equal(resolveUsageUserFilter({ userId: userB, role: "member" }), userB);
    assert.equal(resolveUsageUserFilter({ userId: userB, role: "member" }, userB), userB);
    assert.equal(resolveUsageUserFilter({ userId: userB, role: "admin" }), null);
    assert.equal(resolveUsageUserFilter({ userId: userB, role: "admin" }, userA), userA);
    const error = (() => { try { resolveUsageUserFilter({ userId: userB, role: "member" }, userA); } catch (err) { return err; } })();
    assert.deepEqual(toErrorReply(error).body, { error: { code: "forbidden", message: "Members can only see their own usage" } });
  });

  it("calls over time are zero-filled buckets whose sum is the calls in range", async () => {
    const points = await getCallsOverTime({ range: "1h", now });
    assert.equal(points.length, 61);
    assert.equal(points.reduce((sum, p) => sum + p.calls, 0), 16 + 2 + 1);
    assert.deepEqual(points.find((p) => p.at.getTime() === minuteAgo(5).getTime()), { at: minuteAgo(5), calls: 16, errors: 1 });
    const week = await getCallsOverTime({ range: "7d", now });
    assert.equal(week.reduce((sum, p) => sum + p.calls, 0), 16 + 2 + 1 + 4, "7d includes the compacted hour");
  });

  it("admin 7d/30d views (hourly all-users level) agree with the per-minute level", async () => {
    const byMinute = await getToolUsageStats({ range: "24h", now });
    const byHour = await getToolUsageStats({ range: "30d", now });
    for (const tool of byMinute) assert.deepEqual(byHour.find((s) => s.toolName === tool.toolName), tool);
    assert.deepEqual(byHour.find((s) => s.toolName === "old"), { toolName: "old", calls: 4, errors: 0, errorRate: 0, avgMs: 184, p50Ms: 5, p95Ms: 660, p99Ms: 692, maxMs: 700 });
    assert.deepEqual(await getRequestsByClient({ range: "7d", now }), [{ clientName: "claude-code", calls: 13, errors: 1 }, { clientName: "", calls: 10, errors: 0 }]);
  });

  it("requests per client and per key", async () => {
    assert.deepEqual(await getRequestsByClient({ range: "1h", now }), [{ clientName: "", calls: 10, errors: 0 }, { clientName: "claude-code", calls: 9, errors: 1 }]);
    const keys = await getRequestsByKey({ range: "1h", now });
    assert.deepEqual(keys.map((k) => [k.apiKeyId, k.calls, k.keyPrefix]), [[keyB, 10, null], [keyA, 9, null]]);
  });

  it("rate-limit violations over time", async () => {
    await getPrisma().rateLimitEvent.createMany({
      data: [
        { at: minuteAgo(3), kind: "key", apiKeyId: keyA, userId: userA, limit: 60, windowSeconds: 60 },
        { at: minuteAgo(3), kind: "auth_failure", ip: "198.51.100.7", limit: 20, windowSeconds: 300 },
      ],
    });
    const points = await getRateLimitViolationsOverTime({ range: "1h", now });
    assert.deepEqual(points.find((p) => p.at.getTime() === minuteAgo(3).getTime()), { at: minuteAgo(3), key: 1, authFailure: 1 });
    const mine = await getRateLimitViolationsOverTime({ range: "1h", now, userId: userB });
    assert.equal(mine.reduce((sum, p) => sum + p.key + p.authFailure, 0), 0);
  });

  it("pages through raw call logs with filters", async () => {
    const errors = await listCallLogs({ status: "error" });
    assert.deepEqual(errors.entries.map((e) => [e.toolName, e.errorCode]), [["alpha", "tool_failed"]]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listCallLogs({ toolName: "beta", userId: userB, limit: 4, cursor });
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 10);
    assert.equal(new Set(seen).size, 10);
    const recent = await listCallLogs({ apiKeyId: keyA, from: minuteAgo(4) });
    assert.deepEqual(recent.entries.map((e) => e.toolName), ["gamma", "gamma"]);
  });
});

describe("maintenance job", () => {
  it("rolls up on start and every interval, and stops cleanly", async () => {
    await insertRows([row({ at: new Date(), toolName: "maintained" })]);
    const stop = startCallLogMaintenance();
    try {
      const deadline = Date.now() + 5_000;
      while ((await rollups({ toolName: "maintained" })).length === 0) {
        assert.ok(Date.now() < deadline, "the first run rolls up the new row");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await stop();
    }
  });
});

describe("pruning", () => {
  it("deletes raw rows past retention only once rolled up, and keeps recent ones", async () => {
    await insertRows([row({ at: new Date(now.getTime() - 40 * 24 * HOUR), toolName: "ancient" })]);
    const pruned = await pruneCallLogs({ now });
    assert.equal(pruned.callLogs, 1);
    assert.equal(await getPrisma().callLog.count({ where: { toolName: "ancient" } }), 0);
    assert.equal(await getPrisma().callLog.count({ where: { toolName: "alpha" } }), 6);
  });
});
