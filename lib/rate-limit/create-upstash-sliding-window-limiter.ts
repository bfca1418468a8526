import { Ratelimit } from "@upstash/ratelimit";
import type { Redis as UpstashRedis } from "@upstash/redis";
import type { RatelimitRedisAdapter } from "@/lib/redis/create-ratelimit-redis-adapter";
import type { RateLimitPolicy } from "@/lib/rate-limit/policies";
import type { LimitResult, SlidingWindowLimiter } from "@/lib/rate-limit/sliding-window-limiter";

/** Key prefix in Redis; the window length is part of it so a changed window starts fresh counts. */
const KEY_PREFIX = "switchboard:rl";

/** How long a Redis answer may take before the call counts as a backend failure (default). */
const DEFAULT_TIMEOUT_MS = 50;

function withTimeout<T>(work: Promise<T>, timeoutMs: number, backend: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // On a busy event loop the timer can fire in the same turn the answer arrives, before its
    // socket is read: setImmediate lets that read happen first, so only a late answer times out.
    timer = setTimeout(() => setImmediate(() => reject(new Error(`rate limit backend (${backend}) timed out after ${timeoutMs} ms`))), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A sliding-window limiter on @upstash/ratelimit, shared by every instance using the same Redis.
 * `redis` is an @upstash/redis client (Upstash REST) or the ioredis adapter (self-hosted Redis).
 * Errors and timeouts reject (never fail open silently) so the caller can apply the failure mode.
 * `timeoutMs` is short (tens of ms: a Redis on the LAN answers in well under 1 ms) so a hanging
 * Redis costs a call that long once, before the failover limiter's breaker skips it.
 */
export function createUpstashSlidingWindowLimiter(
  redis: UpstashRedis | RatelimitRedisAdapter,
  backend: "redis" | "upstash",
  prefix: string = KEY_PREFIX,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
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
        // The library's own timeout answers "allowed" (fail open); withTimeout rejects instead.
        timeout: 0,
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
      const result = await withTimeout(limiterFor(policy).limit(identifier), timeoutMs, backend);
      return { success: result.success, limit: result.limit, remaining: result.remaining, reset: result.reset };
    },
    async peek(identifier, policy): Promise<LimitResult> {
      const result = await withTimeout(limiterFor(policy).getRemaining(identifier), timeoutMs, backend);
      return { success: result.remaining > 0, limit: result.limit, remaining: result.remaining, reset: result.reset };
    },
  };
}
