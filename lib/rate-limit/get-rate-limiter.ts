import { Redis as UpstashRedis } from "@upstash/redis";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { describeRateLimitBackend } from "@/lib/rate-limit/describe-rate-limit-backend";
import { createRatelimitRedisAdapter } from "@/lib/redis/create-ratelimit-redis-adapter";
import { getRedisClient } from "@/lib/redis/get-redis-client";
import { createFailoverLimiter } from "@/lib/rate-limit/create-failover-limiter";
import { createMemorySlidingWindowLimiter } from "@/lib/rate-limit/create-memory-sliding-window-limiter";
import { createUpstashSlidingWindowLimiter } from "@/lib/rate-limit/create-upstash-sliding-window-limiter";
import type { SlidingWindowLimiter } from "@/lib/rate-limit/sliding-window-limiter";

const globalForLimiter = globalThis as unknown as { switchboardRateLimiter?: SlidingWindowLimiter };

/**
 * The process-wide limiter (created and announced in the log on first use; call it at start-up to
 * connect early and log where limits live): REDIS_URL → @upstash/ratelimit over ioredis; Upstash REST
 * credentials → @upstash/ratelimit over @upstash/redis; neither → in process (one instance).
 * Shared backends are wrapped with the failure mode. On globalThis so every bundle shares counts.
 */
export function getRateLimiter(): SlidingWindowLimiter {
  if (globalForLimiter.switchboardRateLimiter) return globalForLimiter.switchboardRateLimiter;
  const env = getEnv();
  const memory = createMemorySlidingWindowLimiter();
  const redis = getRedisClient();
  let limiter: SlidingWindowLimiter = memory;
  if (redis) {
    limiter = createUpstashSlidingWindowLimiter(createRatelimitRedisAdapter(redis), "redis", undefined, env.SWITCHBOARD_RATE_LIMIT_TIMEOUT_MS);
  } else if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    const upstash = new UpstashRedis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN, enableTelemetry: false });
    limiter = createUpstashSlidingWindowLimiter(upstash, "upstash", undefined, env.SWITCHBOARD_RATE_LIMIT_TIMEOUT_MS);
  }
  if (limiter !== memory) {
    limiter = createFailoverLimiter({ primary: limiter, fallback: memory, failureMode: env.SWITCHBOARD_RATE_LIMIT_FAILURE_MODE });
  }
  globalForLimiter.switchboardRateLimiter = limiter;
  // Said once per process, so an operator sees whether limits are shared by the instances.
  logger.info({ event: "rate_limit_backend", backend: limiter.backend }, describeRateLimitBackend());
  return limiter;
}
