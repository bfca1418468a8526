import type { EventChannel, EventChannelListener } from "@/lib/events/event-channel";
import { logger } from "@/lib/log/logger";
import { createRedisConnection } from "@/lib/redis/create-redis-connection";

/** The Redis channel every instance publishes hub events on. */
export const HUB_EVENT_CHANNEL = "switchboard:hub-events";

/**
 * Redis pub/sub. Subscribes on every (re)connection rather than once, so with Redis down at
 * start-up the hub still starts and fan-out begins when Redis appears; start-up waits at most 2 s.
 */
export async function openRedisEventChannel(url: string, onMessage: EventChannelListener): Promise<EventChannel> {
  const publisher = createRedisConnection(url, { queueWhileOffline: true });
  const subscriber = createRedisConnection(url, { queueWhileOffline: true });
  subscriber.on("message", (channel: string, message: string) => {
    if (channel === HUB_EVENT_CHANNEL) onMessage(message);
  });
  const subscribed = new Promise<void>((resolve) => {
    const subscribe = () =>
      subscriber.subscribe(HUB_EVENT_CHANNEL).then(
        () => resolve(),
        (err: Error) => logger.warn({ event: "hub_event_subscribe_failed", err: err.message }, "Could not subscribe to hub events on Redis"),
      );
    subscriber.on("ready", subscribe);
    if (subscriber.status === "ready") void subscribe();
  });
  const started = await Promise.race([subscribed.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000).unref())]);
  if (!started) logger.warn({ event: "hub_event_fan_out_waiting" }, "Redis is unreachable: hub events reach other instances once it is back");
  return {
    name: "redis",
    publish: async (message) => {
      await publisher.publish(HUB_EVENT_CHANNEL, message);
    },
    close: async () => {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
