import { getPrisma } from "@/lib/db/prisma";
import { LATENCY_BUCKET_BOUNDS_MS } from "@/lib/call-log/latency-buckets";
import { sumBucketsSql } from "@/lib/call-log/sum-buckets-sql";
import { percentileFromHistogram } from "@/lib/call-log/percentile-from-histogram";
import { selectRollupSource } from "@/lib/usage/select-rollup-source";
import { usageWindow, type UsageQuery } from "@/lib/usage/usage-ranges";

export interface ToolUsageStats {
  toolName: string;
  calls: number;
  /** Calls whose status is not ok (error, denied, rate_limited, invalid). */
  errors: number;
  /** errors / calls, 0..1. */
  errorRate: number;
  /** Latency of executed calls (status ok or error); null when none ran. */
  avgMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

function roundMicros(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms * 1000) / 1000;
}

type StatsRow = { toolName: string; calls: bigint; errors: bigint; ran: bigint; totalMs: number | null; maxMs: number | null } & Record<`b${number}`, bigint>;

/**
 * Per tool over the range: calls, errors and error rate, and p50/p95/p99/avg/max latency
 * estimated from the rollup histograms. Sorted by calls (desc). The console derives "slowest"
 * (by p95) and "most failing" (by errors or errorRate) from this one answer. With groupBy
 * "server", one row per upstream server (over its NAME__TOOL tools), named by the server.
 */
export async function getToolUsageStats(query: UsageQuery, options: { groupBy?: "tool" | "server" } = {}): Promise<ToolUsageStats[]> {
  const source = selectRollupSource(query, "$3");
  const { from, to } = usageWindow(query);
  // Per upstream server: its tools are SERVER__TOOL, so the prefix groups them (toolName holds the server's name).
  const byServer = options.groupBy === "server";
  const group = byServer ? `split_part("toolName", '__', 1)` : `"toolName"`;
  const rows = await getPrisma().$queryRawUnsafe<StatsRow[]>(
    `SELECT ${group} AS "toolName", sum("calls")::bigint AS calls,
            COALESCE(sum("calls") FILTER (WHERE "status" <> 'ok'), 0)::bigint AS errors,
            COALESCE(sum("calls") FILTER (WHERE "status" IN ('ok', 'error')), 0)::bigint AS ran,
            sum("totalMs") FILTER (WHERE "status" IN ('ok', 'error')) AS "totalMs",
            max("maxMs") FILTER (WHERE "status" IN ('ok', 'error')) AS "maxMs",
            ${sumBucketsSql({ filter: `"status" IN ('ok', 'error')`, as: "columns" })}
     FROM ${source.table}
     WHERE ${source.time} >= $1::timestamptz AND ${source.time} < $2::timestamptz AND ${source.userCondition}${byServer ? ` AND "toolName" LIKE '%\\_\\_%'` : ""}
     GROUP BY 1
     ORDER BY calls DESC, 1`,
    from,
    to,
    query.userId ?? null,
  );
  return rows.map((row) => {
    const buckets = Array.from({ length: LATENCY_BUCKET_BOUNDS_MS.length + 1 }, (_, index) => Number(row[`b${index}`]));
    const calls = Number(row.calls);
    const errors = Number(row.errors);
    const ran = Number(row.ran);
    const maxMs = row.maxMs === null ? null : Number(row.maxMs);
    // Microsecond precision is all a histogram estimate can honestly claim.
    const quantile = (q: number) => (maxMs === null ? null : roundMicros(percentileFromHistogram(buckets, q, maxMs)));
    return {
      toolName: row.toolName,
      calls,
      errors,
      errorRate: calls === 0 ? 0 : errors / calls,
      avgMs: ran === 0 || row.totalMs === null ? null : roundMicros(Number(row.totalMs) / ran),
      p50Ms: quantile(0.5),
      p95Ms: quantile(0.95),
      p99Ms: quantile(0.99),
      maxMs,
    };
  });
}
