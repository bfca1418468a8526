import { Redis } from "ioredis";
import { logger } from "@/lib/log/logger";

/** A new connection that fails fast while disconnected (rate limiting: an outage must cost microseconds). */
export function createRedisConnection(url: string): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    // Reconnect forever, at most every 2 s: an outage must heal without a restart.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
    // Commands asked during one event-loop turn go out in one write (ioredis defers them to
    // setImmediate). A busy hub reads several requests per turn, and each rate-limit decision
    // written on its own woke Redis once: about a tenth of the hub's CPU per call, measured. Each
    // decision is still its own script run, so answers are exactly those of one-by-one calls.
    // ioredis sends one batch at a time, so a command asked while Redis stalls starts its
    // commandTimeout only once sent; each decision stays bounded by the limiter's own timeout.
    enableAutoPipelining: true,
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
