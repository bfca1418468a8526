import { queryZeroFilledSeries } from "@/lib/usage/query-zero-filled-series";
import { selectRollupSource } from "@/lib/usage/select-rollup-source";
import type { UsageQuery } from "@/lib/usage/usage-ranges";

export interface CallsOverTimePoint {
  /** Start of the bucket. */
  at: Date;
  calls: number;
  errors: number;
}

/**
 * Calls and non-ok calls per chart bucket over the range, from the per-minute rollups (so it
 * stays fast at millions of raw rows). Buckets without calls are present with zeros.
 */
export async function getCallsOverTime(query: UsageQuery): Promise<CallsOverTimePoint[]> {
  const source = selectRollupSource(query, "$4");
  return queryZeroFilledSeries(
    query,
    `SELECT date_bin($3::interval, ${source.time}, 'epoch') AS at, sum("calls") AS calls, sum("calls") FILTER (WHERE "status" <> 'ok') AS errors
     FROM ${source.table}
     WHERE ${source.time} >= $1::timestamptz AND ${source.time} < $2::timestamptz AND ${source.userCondition}
     GROUP BY 1`,
    ["calls", "errors"],
  );
}
