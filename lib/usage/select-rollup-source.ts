import { USAGE_RANGES, type UsageQuery } from "@/lib/usage/usage-ranges";

/** Where a usage query reads its aggregates: table, time column, and the user condition. */
export interface RollupSource {
  table: '"CallRollup"' | '"CallRollupHourly"';
  time: '"minute"' | '"hour"';
  /** SQL condition on the user; references the user parameter either way so its type is known. */
  userCondition: string;
}

/**
 * Admin views charted by the hour or coarser (7d, 30d) read CallRollupHourly, which has no user
 * or key dimension and so a few thousand rows per month instead of up to one per call; everything
 * else reads the per-minute CallRollup. `userParam` is the placeholder of the user id ("$4").
 */
export function selectRollupSource(query: UsageQuery, userParam: string): RollupSource {
  if (!query.userId && USAGE_RANGES[query.range].bucketSeconds >= 3_600) {
    return { table: '"CallRollupHourly"', time: '"hour"', userCondition: `${userParam}::uuid IS NULL` };
  }
  return { table: '"CallRollup"', time: '"minute"', userCondition: `(${userParam}::uuid IS NULL OR "userId" = ${userParam}::uuid)` };
}
