import pg from "pg";
import type { EventChannel, EventChannelListener } from "@/lib/events/event-channel";
import { logger } from "@/lib/log/logger";

/** The LISTEN/NOTIFY channel hub processes share when no Redis is configured. */
export const HUB_EVENT_PG_CHANNEL = "switchboard_hub_events";
const RECONNECT_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000] as const;

/**
 * Postgres LISTEN/NOTIFY on one dedicated connection. Postgres is always there, so without Redis a
 * CLI `key revoke` or `tool deprecate` still reaches the running hub's live sessions at once.
 * Reconnects with backoff when the connection drops; events sent meanwhile are missed by this
 * process (its caches also expire on their own TTLs).
 */
export async function openPostgresEventChannel(databaseUrl: string, onMessage: EventChannelListener): Promise<EventChannel> {
  let client: pg.Client | undefined;
  let closed = false;
  let attempt = 0;
  const pending = new Set<Promise<unknown>>();

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", (notification) => {
      if (notification.channel === HUB_EVENT_PG_CHANNEL && notification.payload) onMessage(notification.payload);
    });
    next.on("error", (err) => {
      // Failures while connecting reject connect() and are retried by its caller.
      if (client !== next) return;
      client = undefined;
      logger.warn({ event: "hub_event_listen_failed", err: err.message }, "Lost the Postgres hub-event connection; reconnecting");
      void next.end().catch(() => {});
      scheduleReconnect();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${HUB_EVENT_PG_CHANNEL}`);
    } catch (err) {
      void next.end().catch(() => {});
      throw err;
    }
    if (closed) return void next.end().catch(() => {});
    attempt = 0;
    client = next;
  };
  const scheduleReconnect = () => {
    if (closed) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(attempt++, RECONNECT_DELAYS_MS.length - 1)];
    setTimeout(() => void connect().catch(scheduleReconnect), delay).unref();
  };

  await connect();
  return {
    name: "postgres",
    publish: async (message) => {
      if (!client) throw new Error("the Postgres hub-event connection is down");
      const sent = client.query("SELECT pg_notify($1, $2)", [HUB_EVENT_PG_CHANNEL, message]);
      pending.add(sent);
      try {
        await sent;
      } finally {
        pending.delete(sent);
      }
    },
    close: async () => {
      closed = true;
      await Promise.allSettled(pending);
      await client?.end().catch(() => {});
    },
  };
}
