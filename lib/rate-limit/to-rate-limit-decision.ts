import type { RateLimitDecision } from "@/lib/rate-limit/check-rate-limit";
import type { RateLimitPolicy } from "@/lib/rate-limit/policies";
import type { LimitResult } from "@/lib/rate-limit/sliding-window-limiter";

/** Turns a limiter answer into a decision (pure). */
export function toRateLimitDecision(result: LimitResult, policy: RateLimitPolicy, now: number = Date.now()): RateLimitDecision {
  return {
    allowed: result.success,
    limit: result.limit,
    remaining: result.remaining,
    resetAt: result.reset,
    retryAfterSeconds: result.success ? 0 : Math.max(1, Math.ceil((result.reset - now) / 1000)),
    windowSeconds: policy.windowSeconds,
  };
}
