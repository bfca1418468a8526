import { randomUUID } from "node:crypto";
import { getEnv } from "@/lib/env";
import type { EventChannel } from "@/lib/events/event-channel";
import { deliverHubEvent, setRemoteHubEventPublisher, type HubEvent } from "@/lib/events/hub-events";
import { openPostgresEventChannel } from "@/lib/events/open-postgres-event-channel";
import { logger } from "@/lib/log/logger";

const EVENT_TYPES = new Set<HubEvent["type"]>(["catalog_changed", "key_revoked", "user_disabled", "permissions_changed", "upstreams_changed", "upstream_list_changed"]);

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
 * Sends this process's hub events to every other hub process (instances and the CLI) and delivers
 * theirs locally (its own come back and are ignored by origin id), so a revoked key or a
 * permission change reaches sessions everywhere at once. Through Postgres, which every process
 * has (with or without Redis): a HubEventLog row plus NOTIFY, re-read after reconnects, so no
 * process misses another's change, even across an outage (open-postgres-event-channel.ts). Without
 * a database it does nothing. Never fails start-up. Returns a stop function that waits for pending
 * publishes (the CLI exits right after).
 */
export async function startEventFanOut(options: { databaseUrl?: string; instanceId?: string } = {}): Promise<() => Promise<void>> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const origin = `${options.instanceId ?? getEnv().SWITCHBOARD_INSTANCE_ID ?? "hub"}:${randomUUID()}`;
  const onMessage = (message: string) => {
    const parsed = parseMessage(message);
    if (!parsed) logger.warn({ event: "hub_event_malformed" }, "Ignored a malformed hub event");
    else if (parsed.origin !== origin) deliverHubEvent(parsed.event);
  };
  let channel: EventChannel;
  try {
    if (databaseUrl) channel = await openPostgresEventChannel(databaseUrl, onMessage);
    else return async () => {};
  } catch (err) {
    logger.warn({ event: "hub_event_fan_out_unavailable", err: (err as Error).message }, "Hub events stay on this instance: fan-out could not start");
    return async () => {};
  }
  const pending = new Set<Promise<void>>();
  setRemoteHubEventPublisher((event) => {
    const sent = channel.publish(JSON.stringify({ origin, event })).catch((err: Error) => {
      logger.warn({ event: "hub_event_publish_failed", type: event.type, err: err.message }, "Could not fan out a hub event");
    });
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
  });
  logger.info({ event: "hub_event_fan_out_started", backend: channel.name }, "Hub events fan out through Postgres (HubEventLog + LISTEN/NOTIFY)");
  return async () => {
    setRemoteHubEventPublisher(undefined);
    await Promise.allSettled(pending);
    await channel.close();
  };
}
