import type { Redis } from "ioredis";
import { getEnv } from "@/lib/env";
import { createRedisConnection } from "@/lib/redis/create-redis-connection";

const globalForRedis = globalThis as unknown as { switchboardRedis?: Redis | null };

/**
 * The process-wide ioredis connection for REDIS_URL (rate limits), or null when REDIS_URL is
 * unset. Commands fail at once while disconnected (no offline queue) so a Redis outage costs a
 * request microseconds, not a queue wait; ioredis keeps reconnecting in the background.
 * Kept on globalThis so the Node server and Next's bundles share one connection.
 */
export function getRedisClient(): Redis | null {
  if (globalForRedis.switchboardRedis !== undefined) return globalForRedis.switchboardRedis;
  const url = getEnv().REDIS_URL;
  globalForRedis.switchboardRedis = url ? createRedisConnection(url) : null;
  return globalForRedis.switchboardRedis;
}
