import type { RateLimitPolicy } from "@/lib/rate-limit/policies";

/** One limiter answer; `reset` is the epoch milliseconds at which the current window ends. */
export interface LimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  reset: number;
}

/**
 * A sliding-window limiter (current window's count plus the previous window's count weighted by
 * how much of it still overlaps). `limit` consumes one call when allowed; `peek` never consumes.
 * Implemented over Redis/Upstash (shared by instances) and in process (one instance).
 */
export interface SlidingWindowLimiter {
  readonly backend: "redis" | "upstash" | "memory";
  limit(identifier: string, policy: RateLimitPolicy): Promise<LimitResult>;
  peek(identifier: string, policy: RateLimitPolicy): Promise<LimitResult>;
}
