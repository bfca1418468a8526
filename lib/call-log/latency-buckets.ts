/**
 * Upper bounds (inclusive, milliseconds) of the latency histogram stored in CallRollup.buckets
 * and used by the Prometheus histogram. `buckets` has one more slot than there are bounds: the
 * last counts calls slower than the largest bound. Changing this table invalidates stored rollups.
 */
export const LATENCY_BUCKET_BOUNDS_MS = [
  1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000,
] as const;

/** Index into CallRollup.buckets for a duration (the overflow slot for > 60 s). */
export function latencyBucketIndex(durationMs: number): number {
  const index = LATENCY_BUCKET_BOUNDS_MS.findIndex((bound) => durationMs <= bound);
  return index === -1 ? LATENCY_BUCKET_BOUNDS_MS.length : index;
}
