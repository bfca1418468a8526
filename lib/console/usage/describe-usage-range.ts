import type { UsageRange } from "@/lib/usage/usage-ranges";

/** How the console prints each range. */
export const USAGE_RANGE_LABELS = { "1h": "1 h", "24h": "24 h", "7d": "7 d", "30d": "30 d" } as const satisfies Record<UsageRange, string>;

/** Each range's chart bucket width (USAGE_RANGES.bucketSeconds) in words, for "Calls per …". */
export const USAGE_BUCKET_LABELS = { "1h": "minute", "24h": "15 minutes", "7d": "hour", "30d": "6 hours" } as const satisfies Record<UsageRange, string>;

/** "last 24 h" etc., for titles and sentences. Pure. */
export function describeUsageRange(range: UsageRange): string {
  return `last ${USAGE_RANGE_LABELS[range]}`;
}
