import pg from "pg";
import type { EventChannel, EventChannelListener } from "@/lib/events/event-channel";
import { logger } from "@/lib/log/logger";

/** The LISTEN/NOTIFY channel that tells hub processes a new HubEventLog row is there. */
export const HUB_EVENT_PG_CHANNEL = "switchboard_hub_events";
/** application_name of the listening connection (operators see it in pg_stat_activity). */
export const HUB_EVENT_LISTENER_NAME = "switchboard-hub-events";
const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000] as const;
/** Safety net for a NOTIFY missed without the connection noticing (half-open socket). */
const POLL_INTERVAL_MS = 5_000;
/** Rows committed up to this long after their timestamp are still found by the next read. */
const READ_OVERLAP_MS = 10_000;
/** Log rows are kept this long (a hub down longer re-reads the database on start anyway). */
const RETENTION = "1 day";
const PRUNE_EVERY_POLLS = 120;
/** A publish keeps retrying through an outage this long before it is given up (and logged). */
const PUBLISH_GIVE_UP_MS = 120_000;
/** close() waits this long for publishes still retrying (the CLI exits right after). */
const CLOSE_WAIT_MS = 5_000;

const PUBLISH_SQL = `WITH row AS (INSERT INTO "HubEventLog" ("message") VALUES ($1) RETURNING "id")
SELECT pg_notify('${HUB_EVENT_PG_CHANNEL}', "id"::text) FROM row`;
const READ_SQL = `SELECT "id"::text AS id, "message", "at", now() AS "readAt" FROM "HubEventLog" WHERE "at" >= $1 ORDER BY "id"`;

/** A pg.Client whose queries run one after another, in the order they were asked for. */
interface SerialConnection {
  client: pg.Client;
  query: <Row extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<Row>>;
  /** Settles once every query asked for so far has finished (successfully or not). */
  idle: () => Promise<void>;
}

// Reads (on every NOTIFY, poll and reconnect), publishes and prunes happen independently, and the
// NOTIFY of this process's own publish arrives while that publish is still running. pg 8 queues
// overlapping client.query() calls itself but prints a DeprecationWarning (pg 9 will refuse them),
// so the channel keeps its own queue: one per client, so a reconnect starts an empty one.
function serializeQueries(client: pg.Client): SerialConnection {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    client,
    query: <Row extends pg.QueryResultRow>(sql: string, params?: unknown[]) => {
      const run = tail.then(() => client.query<Row>(sql, params));
      tail = run.catch(() => {});
      return run;
    },
    idle: () => tail.then(() => {}),
  };
}

/**
 * A durable event channel on Postgres, the one store every hub process (instances, the CLI) has:
 * publish appends a HubEventLog row and NOTIFYs its id in the same statement; each listener reads
 * the rows it has not seen yet on every NOTIFY, after every reconnect and every 5 s, so an event
 * published while this process was disconnected (or while Redis or the network was down) is
 * delivered late rather than lost. Publishes retry through an outage. Rows are pruned after a day.
 */
export async function openPostgresEventChannel(databaseUrl: string, onMessage: EventChannelListener): Promise<EventChannel> {
  let connection: SerialConnection | undefined;
  let closed = false;
  let attempt = 0;
  let readSince: Date | undefined;
  let reading: Promise<void> | undefined;
  let readAgain = false;
  let polls = 0;
  const seen = new Map<string, number>();
  const pending = new Set<Promise<unknown>>();

  const readNewRows = async (): Promise<void> => {
    const current = connection;
    if (!current || !readSince) return;
    const { rows } = await current.query<{ id: string; message: string; at: Date; readAt: Date }>(READ_SQL, [new Date(readSince.getTime() - READ_OVERLAP_MS)]);
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.set(row.id, row.at.getTime());
      onMessage(row.message);
    }
    if (rows.length > 0 || seen.size > 0) {
      const forgetBefore = readSince.getTime() - 2 * READ_OVERLAP_MS;
      for (const [id, at] of seen) if (at < forgetBefore) seen.delete(id);
    }
    if (rows[0]) readSince = rows[0].readAt;
    else readSince = (await current.query<{ now: Date }>("SELECT now() AS now")).rows[0].now;
  };
  // One read at a time; a NOTIFY arriving meanwhile triggers one more read after it.
  const scheduleRead = (): void => {
    // After close() a NOTIFY or a queued re-read must not query a client that is being ended.
    if (closed) return;
    if (reading) {
      readAgain = true;
      return;
    }
    reading = readNewRows()
      .catch((err: Error) => logger.warn({ event: "hub_event_read_failed", err: err.message }, "Could not read hub events; retrying"))
      .finally(() => {
        reading = undefined;
        if (readAgain) {
          readAgain = false;
          scheduleRead();
        }
      });
  };

  const connect = async (): Promise<void> => {
    const next = serializeQueries(new pg.Client({ connectionString: databaseUrl, keepAlive: true, connectionTimeoutMillis: 2_000, application_name: HUB_EVENT_LISTENER_NAME }));
    next.client.on("notification", (notification) => {
      if (notification.channel === HUB_EVENT_PG_CHANNEL) scheduleRead();
    });
    next.client.on("error", (err) => {
      // Failures while connecting reject connect() and are retried by its caller.
      if (connection !== next) return;
      connection = undefined;
      logger.warn({ event: "hub_event_listen_failed", err: err.message }, "Lost the Postgres hub-event connection; reconnecting (missed events are re-read)");
      void next.client.end().catch(() => {});
      scheduleReconnect();
    });
    try {
      await next.client.connect();
      await next.query(`LISTEN ${HUB_EVENT_PG_CHANNEL}`);
      // The first connection starts from now; a reconnection re-reads from where it left off.
      readSince ??= (await next.query<{ now: Date }>("SELECT now() AS now")).rows[0].now;
    } catch (err) {
      void next.client.end().catch(() => {});
      throw err;
    }
    if (closed) return void next.client.end().catch(() => {});
    attempt = 0;
    connection = next;
    scheduleRead();
  };
  const scheduleReconnect = () => {
    if (closed) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(attempt++, RECONNECT_DELAYS_MS.length - 1)];
    setTimeout(() => void connect().catch(scheduleReconnect), delay).unref();
  };

  try {
    await connect();
  } catch (err) {
    // Never fail start-up over fan-out: keep trying in the background.
    logger.warn({ event: "hub_event_listen_failed", err: (err as Error).message }, "Could not listen for hub events yet; retrying");
    scheduleReconnect();
  }
  const poll = setInterval(() => {
    if (!connection) return;
    scheduleRead();
    if (++polls % PRUNE_EVERY_POLLS === 0) connection.query(`DELETE FROM "HubEventLog" WHERE "at" < now() - interval '${RETENTION}'`).catch(() => {});
  }, POLL_INTERVAL_MS);
  poll.unref();

  const publishWithRetry = async (message: string): Promise<void> => {
    const giveUpAt = Date.now() + PUBLISH_GIVE_UP_MS;
    for (let retry = 0; ; retry++) {
      try {
        if (!connection) throw new Error("the Postgres hub-event connection is down");
        await connection.query(PUBLISH_SQL, [message]);
        return;
      } catch (err) {
        if (Date.now() > giveUpAt || (closed && retry > 0 && Date.now() > closingDeadline)) throw err;
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAYS_MS[Math.min(retry, RECONNECT_DELAYS_MS.length - 1)]));
      }
    }
  };
  let closingDeadline = Number.POSITIVE_INFINITY;

  return {
    name: "postgres",
    publish: async (message) => {
      const sent = publishWithRetry(message);
      pending.add(sent);
      try {
        await sent;
      } finally {
        pending.delete(sent);
      }
    },
    close: async () => {
      closingDeadline = Date.now() + CLOSE_WAIT_MS;
      closed = true;
      clearInterval(poll);
      await Promise.allSettled(pending);
      await reading;
      // A prune may still be queued behind them: end the connection once it is idle.
      await connection?.idle();
      await connection?.client.end().catch(() => {});
    },
  };
}
