import { LATENCY_BUCKET_BOUNDS_MS } from "@/lib/call-log/latency-buckets";

/**
 * Estimates the q-quantile (0 < q ≤ 1) in milliseconds from fixed-bucket counts, interpolating
 * linearly inside the bucket that holds the rank (as Prometheus' histogram_quantile does). The
 * overflow bucket has no upper bound, so `maxMs` (the observed maximum) caps it and every
 * estimate. Returns null for an empty histogram. Pure.
 */
export function percentileFromHistogram(
  buckets: readonly number[],
  q: number,
  maxMs: number,
  bounds: readonly number[] = LATENCY_BUCKET_BOUNDS_MS,
): number | null {
  if (!(q > 0 && q <= 1)) throw new RangeError(`quantile must be in (0, 1], got ${q}`);
  const total = buckets.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let index = 0; index < buckets.length; index += 1) {
    const count = buckets[index];
    if (count === 0 || seen + count < rank) {
      seen += count;
      continue;
    }
    const lower = index === 0 ? 0 : bounds[index - 1];
    const upper = index < bounds.length ? Math.min(bounds[index], Math.max(maxMs, lower)) : Math.max(maxMs, lower);
    const estimate = lower + ((upper - lower) * (rank - seen)) / count;
    return Math.min(estimate, maxMs);
  }
  return maxMs;
}
