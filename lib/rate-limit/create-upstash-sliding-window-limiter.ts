import { Ratelimit } from "@upstash/ratelimit";
import type { Redis as UpstashRedis } from "@upstash/redis";
import type { RatelimitRedisAdapter } from "@/lib/redis/create-ratelimit-redis-adapter";
import type { RateLimitPolicy } from "@/lib/rate-limit/policies";
import type { LimitResult, SlidingWindowLimiter } from "@/lib/rate-limit/sliding-window-limiter";

/** Key prefix in Redis; the window length is part of it so a changed window starts fresh counts. */
const KEY_PREFIX = "switchboard:rl";

/** How long a Redis answer may take before the call counts as a backend failure. */
const BACKEND_TIMEOUT_MS = 1_000;

/**
 * A sliding-window limiter on @upstash/ratelimit, shared by every instance using the same Redis.
 * `redis` is an @upstash/redis client (Upstash REST) or the ioredis adapter (self-hosted Redis).
 * Errors and timeouts reject (never fail open silently) so the caller can apply the failure mode.
 */
export function createUpstashSlidingWindowLimiter(
  redis: UpstashRedis | RatelimitRedisAdapter,
  backend: "redis" | "upstash",
  prefix: string = KEY_PREFIX,
): SlidingWindowLimiter {
  const limiters = new Map<string, Ratelimit>();

  function limiterFor(policy: RateLimitPolicy): Ratelimit {
    const cacheKey = `${policy.limit}/${policy.windowSeconds}`;
    let limiter = limiters.get(cacheKey);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: redis as UpstashRedis,
        limiter: Ratelimit.slidingWindow(policy.limit, `${policy.windowSeconds} s`),
        prefix: `${prefix}:${policy.windowSeconds}s`,
        // The library's ephemeral cache blocks until the window's end, stricter than the sliding
        // window itself; every decision goes to Redis instead (one EVALSHA).
        ephemeralCache: false,
        timeout: BACKEND_TIMEOUT_MS,
        analytics: false,
        enableTelemetry: false,
      });
      limiters.set(cacheKey, limiter);
    }
    return limiter;
  }

  return {
    backend,
    async limit(identifier, policy): Promise<LimitResult> {
      const result = await limiterFor(policy).limit(identifier);
      if (result.reason === "timeout") throw new Error(`rate limit backend (${backend}) timed out after ${BACKEND_TIMEOUT_MS} ms`);
      return { success: result.success, limit: result.limit, remaining: result.remaining, reset: result.reset };
    },
    async peek(identifier, policy): Promise<LimitResult> {
      const result = await limiterFor(policy).getRemaining(identifier);
      return { success: result.remaining > 0, limit: result.limit, remaining: result.remaining, reset: result.reset };
    },
  };
}
