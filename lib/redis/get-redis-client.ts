import { Redis } from "ioredis";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";

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

/**
 * A new connection. Default: fail fast while disconnected (rate limiting). `queueWhileOffline`
 * keeps commands until connected (pub/sub, where a subscribe at start-up must not fail).
 */
export function createRedisConnection(url: string, options: { queueWhileOffline?: boolean } = {}): Redis {
  const queue = options.queueWhileOffline ?? false;
  const client = new Redis(url, {
    enableOfflineQueue: queue,
    maxRetriesPerRequest: queue ? 1 : 0,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    // Reconnect forever, at most every 2 s: an outage must heal without a restart.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
  });
  let lastErrorLog = 0;
  client.on("error", (err: Error) => {
    // ioredis emits an error per reconnect attempt; one line per 30 s is enough to see the outage.
    if (Date.now() - lastErrorLog < 30_000) return;
    lastErrorLog = Date.now();
    logger.warn({ event: "redis_error", err: err.message }, "Redis connection error");
  });
  return client;
}

/** Closes the shared connection (shutdown, tests); the next getRedisClient() reconnects. */
export async function closeRedisClient(): Promise<void> {
  const client = globalForRedis.switchboardRedis;
  globalForRedis.switchboardRedis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
