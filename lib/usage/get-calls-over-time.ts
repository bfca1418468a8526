import { getPrisma } from "@/lib/db/prisma";
import { zeroFilledSeriesSql } from "@/lib/usage/zero-filled-series-sql";
import { selectRollupSource } from "@/lib/usage/select-rollup-source";
import { usageWindow, type UsageQuery } from "@/lib/usage/usage-ranges";

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
  const { from, to, bucketSeconds } = usageWindow(query);
  const rows = await getPrisma().$queryRawUnsafe<{ at: Date; calls: bigint; errors: bigint }[]>(
    zeroFilledSeriesSql(
      `SELECT date_bin($3::interval, ${source.time}, 'epoch') AS at, sum("calls") AS calls, sum("calls") FILTER (WHERE "status" <> 'ok') AS errors
       FROM ${source.table}
       WHERE ${source.time} >= $1::timestamptz AND ${source.time} < $2::timestamptz AND ${source.userCondition}
       GROUP BY 1`,
      ["calls", "errors"],
    ),
    from,
    to,
    `${bucketSeconds} seconds`,
    query.userId ?? null,
  );
  return rows.map((row) => ({ at: row.at, calls: Number(row.calls), errors: Number(row.errors) }));
}
