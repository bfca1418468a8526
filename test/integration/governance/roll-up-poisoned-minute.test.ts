// The penetration test's dashboard freeze: one call-log row whose client name no index accepts
// (900 KB, written before names were bounded) made every roll-up fail, so rolledTo never moved,
// dashboards stopped for everyone and compaction and pruning stopped with them. Now that minute
// is skipped, logged and counted, and everything after it proceeds.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import type { CallLogRow } from "@/lib/call-log/call-log-writer";
import { rollUpCallLogs } from "@/lib/call-log/roll-up-call-logs";
import { startCallLogMaintenance } from "@/lib/call-log/start-call-log-maintenance";
import { getPrisma } from "@/lib/db/prisma";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { buildCallLogRow } from "@/test/integration/governance/build-call-log-row";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

const MINUTE = 60_000;
const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE + 30_000);
const minuteAgo = (minutes: number) => new Date(Math.floor(now.getTime() / MINUTE) * MINUTE - minutes * MINUTE);
const user = randomUUID();
const key = randomUUID();

function row(overrides: Partial<CallLogRow>): CallLogRow {
  return buildCallLogRow({ at: now, userId: user, apiKeyId: key, keyPrefix: "sb_p", toolName: "echo" }, { durationMs: 2, ...overrides });
}

async function failuresOf(stage: string): Promise<number> {
  const metric = await getMetrics().callRollupFailures.get();
  return metric.values.find((value) => value.labels.stage === stage)?.value ?? 0;
}

useGovernanceDatabase(async () => {
  // Rows as an older hub wrote them, straight into the table (the writer now bounds names).
  await getPrisma().callLog.createMany({
    data: [
      row({ at: minuteAgo(20), clientName: "x".repeat(900_000) }),
      row({ at: minuteAgo(20), toolName: "alpha" }),
      row({ at: minuteAgo(10) }),
      row({ at: minuteAgo(10) }),
      row({ at: minuteAgo(3) }),
      // Past the 30-day retention: pruning must still delete it.
      row({ at: new Date(now.getTime() - 31 * 86_400_000) }),
    ],
  });
});

describe("a poisoned call-log minute", () => {
  it("is skipped and counted; the minutes after it reach the rollups", async () => {
    const before = await failuresOf("rollup_minute");
    await rollUpCallLogs({ now, from: minuteAgo(30) });
    const rollups = await getPrisma().callRollup.findMany({ orderBy: { minute: "asc" } });
    assert.deepEqual(
      rollups.map((r) => [r.minute.toISOString(), r.toolName, r.calls]),
      [[minuteAgo(10).toISOString(), "echo", 2], [minuteAgo(3).toISOString(), "echo", 1]],
    );
    assert.equal(await failuresOf("rollup_minute"), before + 1, "exactly the poisoned minute was skipped");
    // The hourly all-users level still has the good minutes.
    const hourly = await getPrisma().callRollupHourly.aggregate({ _sum: { calls: true } });
    assert.equal(hourly._sum.calls, 3);
  });

  it("does not stop the maintenance loop: later roll-ups advance and pruning runs", async () => {
    await getPrisma().callLog.create({ data: row({ at: new Date() }) });
    const stop = startCallLogMaintenance();
    await stop();
    const newest = await getPrisma().callRollup.findFirst({ orderBy: { minute: "desc" } });
    assert.equal(newest?.minute.getTime(), Math.floor(Date.now() / MINUTE) * MINUTE, "the current minute is rolled up");
    const old = await getPrisma().callLog.count({ where: { at: { lt: new Date(now.getTime() - 30 * 86_400_000) } } });
    assert.equal(old, 0, "the row past retention was pruned");
    assert.equal(await failuresOf("pruning"), 0);
    assert.equal(await failuresOf("compaction"), 0);
  });
});
