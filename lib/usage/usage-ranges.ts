/**
 * Dashboard time ranges and the bucket width each is charted with (kept to ≤ 168 points).
 */
export const USAGE_RANGES = {
  "1h": { durationMs: 60 * 60_000, bucketSeconds: 60 },
  "24h": { durationMs: 24 * 60 * 60_000, bucketSeconds: 15 * 60 },
  "7d": { durationMs: 7 * 24 * 60 * 60_000, bucketSeconds: 60 * 60 },
  "30d": { durationMs: 30 * 24 * 60 * 60_000, bucketSeconds: 6 * 60 * 60 },
} as const;

export type UsageRange = keyof typeof USAGE_RANGES;

/** A dashboard query's scope: a range ending now, optionally one user's calls only. */
export interface UsageQuery {
  range: UsageRange;
  /** Only this user's calls; members must always pass their own id (resolveUsageUserFilter). */
  userId?: string | null;
  now?: Date;
}

/**
 * Start and end of a query's window, with the chart bucket width. Ranges charted by the hour or
 * coarser start on an hour boundary, because rollups older than a day are kept per hour.
 */
export function usageWindow(query: UsageQuery): { from: Date; to: Date; bucketSeconds: number } {
  const to = query.now ?? new Date();
  const spec = USAGE_RANGES[query.range];
  const start = to.getTime() - spec.durationMs;
  const from = spec.bucketSeconds >= 3_600 ? start - (start % 3_600_000) : start;
  return { from: new Date(from), to, bucketSeconds: spec.bucketSeconds };
}
