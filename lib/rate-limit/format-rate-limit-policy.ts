import type { RateLimitPolicy } from "@/lib/rate-limit/policies";

/** Canonical text for a policy ("600/1m"), the inverse of parseRateLimitPolicy for display. */
export function formatRateLimitPolicy(policy: RateLimitPolicy): string {
  for (const [unit, seconds] of [["d", 86_400], ["h", 3_600], ["m", 60]] as const) {
    if (policy.windowSeconds % seconds === 0) return `${policy.limit}/${policy.windowSeconds / seconds}${unit}`;
  }
  return `${policy.limit}/${policy.windowSeconds}s`;
}
