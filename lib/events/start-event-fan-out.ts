import { randomUUID } from "node:crypto";
import { getEnv } from "@/lib/env";
import { deliverHubEvent, setRemoteHubEventPublisher, type HubEvent } from "@/lib/events/hub-events";
import { logger } from "@/lib/log/logger";
import { createRedisConnection } from "@/lib/redis/create-redis-connection";

/** The Redis channel every instance publishes hub events on. */
export const HUB_EVENT_CHANNEL = "switchboard:hub-events";

const EVENT_TYPES = new Set<HubEvent["type"]>(["catalog_changed", "key_revoked", "user_disabled", "permissions_changed"]);

function parseMessage(message: string): { origin: string; event: HubEvent } | null {
  try {
    const parsed = JSON.parse(message) as { origin?: unknown; event?: { type?: unknown } };
    if (typeof parsed.origin !== "string" || !parsed.event || !EVENT_TYPES.has(parsed.event.type as HubEvent["type"])) return null;
    return { origin: parsed.origin, event: parsed.event as HubEvent };
  } catch {
    return null;
  }
}

/**
 * When REDIS_URL is set, sends this instance's hub events to the other instances over Redis
 * pub/sub and delivers theirs locally (its own come back and are ignored by origin id), so a
 * revoked key or a permission change reaches sessions on every instance. Without REDIS_URL it does
 * nothing. Never fails start-up: with Redis down it waits at most 2 s, then subscribes when Redis
 * is back. Returns a stop function. Events published while Redis is down are lost for the other
 * instances; their caches expire within 30 s as a safety net.
 */
export async function startEventFanOut(options: { redisUrl?: string; instanceId?: string } = {}): Promise<() => Promise<void>> {
  const url = options.redisUrl ?? getEnv().REDIS_URL;
  if (!url) return async () => {};
  const origin = `${options.instanceId ?? getEnv().SWITCHBOARD_INSTANCE_ID ?? "hub"}:${randomUUID()}`;
  const publisher = createRedisConnection(url, { queueWhileOffline: true });
  const subscriber = createRedisConnection(url, { queueWhileOffline: true });
  subscriber.on("message", (channel: string, message: string) => {
    if (channel !== HUB_EVENT_CHANNEL) return;
    const parsed = parseMessage(message);
    if (!parsed) {
      logger.warn({ event: "hub_event_malformed" }, "Ignored a malformed hub event from Redis");
      return;
    }
    if (parsed.origin !== origin) deliverHubEvent(parsed.event);
  });
  // Subscribe on every (re)connection rather than once: if Redis is down at start-up the hub still
  // starts, and fan-out begins when Redis appears. Start-up waits at most 2 s for it.
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
  setRemoteHubEventPublisher((event) => {
    publisher.publish(HUB_EVENT_CHANNEL, JSON.stringify({ origin, event })).catch((err: Error) => {
      logger.warn({ event: "hub_event_publish_failed", type: event.type, err: err.message }, "Could not fan out a hub event");
    });
  });
  logger.info({ event: "hub_event_fan_out_started", channel: HUB_EVENT_CHANNEL }, "Hub events fan out through Redis");
  return async () => {
    setRemoteHubEventPublisher(undefined);
    await Promise.allSettled([subscriber.quit(), publisher.quit()]);
  };
}
