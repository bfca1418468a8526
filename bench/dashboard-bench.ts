/**
 * `npm run bench:dashboard`: seeds 1,000,000 call logs into a fresh database, rolls them up as the
 * hub's maintenance job does, then times every dashboard query (the lib/usage services the
 * console calls) for each range, as an admin (everyone) and as a member (own calls).
 * Prints the median of BENCH_QUERY_RUNS runs per query and writes bench/results/dashboard.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createTestDatabase } from "@/test/helpers/test-database";
import { median } from "./bench-stats";
import { seedCallLogs } from "./seed-call-logs";

const CALL_LOGS = Number(process.env.BENCH_CALL_LOGS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 5);
const TARGET_MS = 300;

function progress(message: string): void {
  process.stderr.write(`[dashboard-bench] ${message}\n`);
}

async function timeQuery(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm the plan and the buffer cache once, as a dashboard that is open does
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  // Imported after DATABASE_URL is set: the services open the pool on first use.
  const { rollUpCallLogs } = await import("@/lib/call-log/roll-up-call-logs");
  const { compactCallRollups } = await import("@/lib/call-log/compact-call-rollups");
  const { getCallsOverTime } = await import("@/lib/usage/get-calls-over-time");
  const { getToolUsageStats } = await import("@/lib/usage/get-tool-usage-stats");
  const { getRateLimitViolationsOverTime } = await import("@/lib/usage/get-rate-limit-violations-over-time");
  const { getRequestsByClient } = await import("@/lib/usage/get-requests-by-client");
  const { getRequestsByKey } = await import("@/lib/usage/get-requests-by-key");
  const { listCallLogs } = await import("@/lib/usage/list-call-logs");
  const { USAGE_RANGES } = await import("@/lib/usage/usage-ranges");
  const { disconnectPrisma } = await import("@/lib/db/prisma");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    let start = performance.now();
    progress(`seeding ${CALL_LOGS.toLocaleString("en")} call logs`);
    const { userIds } = await seedCallLogs(client, CALL_LOGS);
    progress(`seeded in ${((performance.now() - start) / 1000).toFixed(1)} s; rolling up`);
    start = performance.now();
    const now = new Date();
    await rollUpCallLogs({ now, from: new Date(now.getTime() - 31 * 24 * 3600_000) });
    await compactCallRollups({ now });
    await client.query(`ANALYZE "CallRollup"`);
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "CallRollup"`);
    progress(`rolled up into ${rows[0].count} rollup rows in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    const member = userIds[0];
    const queries: Array<[string, (userId: string | null, range: keyof typeof USAGE_RANGES) => Promise<unknown>]> = [
      ["calls over time", (userId, range) => getCallsOverTime({ range, userId })],
      ["latency p50/p95/p99 + error rate per tool", (userId, range) => getToolUsageStats({ range, userId })],
      ["rate-limit violations", (userId, range) => getRateLimitViolationsOverTime({ range, userId })],
      ["requests per client", (userId, range) => getRequestsByClient({ range, userId })],
      ["requests per key", (userId, range) => getRequestsByKey({ range, userId })],
      ["call-log browser, first page", (userId, range) => listCallLogs({ userId, from: new Date(Date.now() - USAGE_RANGES[range].durationMs), limit: 50 })],
      ["call-log browser, filtered by tool + status", (userId, range) => listCallLogs({ userId, toolName: "search_text", status: "error", from: new Date(Date.now() - USAGE_RANGES[range].durationMs), limit: 50 })],
    ];
    const ranges = Object.keys(USAGE_RANGES) as Array<keyof typeof USAGE_RANGES>;
    const lines = [
      `Measured ${new Date().toISOString()}: ${CALL_LOGS.toLocaleString("en")} call logs over 30 days, median of ${RUNS} runs (ms), target < ${TARGET_MS} ms.`,
      "",
      `| query | viewer | ${ranges.join(" | ")} |`,
      `| --- | --- | ${ranges.map(() => "---").join(" | ")} |`,
    ];
    let worst = 0;
    for (const [name, run] of queries) {
      for (const [viewer, userId] of [["admin (all)", null], ["member (own)", member]] as const) {
        const timings: string[] = [];
        for (const range of ranges) {
          const ms = await timeQuery(() => run(userId, range));
          worst = Math.max(worst, ms);
          timings.push(ms.toFixed(1));
        }
        lines.push(`| ${name} | ${viewer} | ${timings.join(" | ")} |`);
        progress(`${name}, ${viewer}: ${timings.join(" / ")} ms`);
      }
    }
    lines.push("", `Slowest query: ${worst.toFixed(1)} ms (${worst < TARGET_MS ? "within" : "OVER"} the ${TARGET_MS} ms target).`, "");
    const report = lines.join("\n");
    mkdirSync(path.resolve(import.meta.dirname, "results"), { recursive: true });
    writeFileSync(path.resolve(import.meta.dirname, "results/dashboard.md"), report);
    process.stdout.write(report);
  } finally {
    await client.end();
    await disconnectPrisma();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
