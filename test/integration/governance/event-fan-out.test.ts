import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Redis } from "ioredis";
import { publishHubEvent, subscribeHubEvents, type HubEvent } from "@/lib/events/hub-events";
import { HUB_EVENT_PG_CHANNEL } from "@/lib/events/open-postgres-event-channel";
import { HUB_EVENT_CHANNEL } from "@/lib/events/open-redis-event-channel";
import { startEventFanOut } from "@/lib/events/start-event-fan-out";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";

const REDIS_URL = process.env.REDIS_URL;
const SKIP = REDIS_URL ? false : "REDIS_URL is unset: skipping the Redis fan-out tests (set REDIS_URL=redis://127.0.0.1:6379 to run them)";
if (SKIP) console.log(`# ${SKIP}`);

const waitFor = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 3_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("hub event fan-out over Redis", { skip: SKIP }, () => {
  let stop: () => Promise<void>;
  let observer: Redis;
  let publisher: Redis;
  const onChannel: { origin: string; event: HubEvent }[] = [];
  const delivered: HubEvent[] = [];
  let unsubscribe: () => void;

  before(async () => {
    observer = new Redis(REDIS_URL!);
    publisher = new Redis(REDIS_URL!);
    observer.on("message", (_channel: string, message: string) => {
      if (message.startsWith("{")) onChannel.push(JSON.parse(message));
    });
    await observer.subscribe(HUB_EVENT_CHANNEL);
    stop = await startEventFanOut({ redisUrl: REDIS_URL, instanceId: "testa" });
    unsubscribe = subscribeHubEvents((event) => delivered.push(event));
  });

  after(async () => {
    unsubscribe?.();
    await stop?.();
    await Promise.all([observer?.quit(), publisher?.quit()]);
  });

  it("publishes this instance's events to the channel and delivers them locally exactly once", async () => {
    publishHubEvent({ type: "key_revoked", keyId: "k-1" });
    await waitFor(() => onChannel.some((m) => m.event.type === "key_revoked"), "the event on Redis");
    const message = onChannel.find((m) => m.event.type === "key_revoked")!;
    assert.deepEqual(message.event, { type: "key_revoked", keyId: "k-1" });
    assert.match(message.origin, /^testa:/);
    // Our own message comes back from Redis; give it time, then check it was not delivered twice.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(delivered.filter((e) => e.type === "key_revoked"), [{ type: "key_revoked", keyId: "k-1" }]);
  });

  it("delivers other instances' events and ignores malformed messages", async () => {
    await publisher.publish(HUB_EVENT_CHANNEL, "not json");
    await publisher.publish(HUB_EVENT_CHANNEL, JSON.stringify({ origin: "other:1", event: { type: "drop_tables" } }));
    await publisher.publish(HUB_EVENT_CHANNEL, JSON.stringify({ origin: "other:1", event: { type: "user_disabled", userId: "u-9" } }));
    await waitFor(() => delivered.some((e) => e.type === "user_disabled"), "the remote event");
    assert.deepEqual(delivered.slice(-1), [{ type: "user_disabled", userId: "u-9" }]);
    assert.equal(delivered.filter((e) => (e.type as string) === "drop_tables").length, 0);
  });

});

describe("hub event fan-out over Postgres LISTEN/NOTIFY (no Redis)", () => {
  let database: TestDatabase;
  let stop: () => Promise<void>;
  let observer: pg.Client;
  const onChannel: { origin: string; event: HubEvent }[] = [];
  const delivered: HubEvent[] = [];
  let unsubscribe: () => void;

  before(async () => {
    database = await createTestDatabase();
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    observer.on("notification", (n) => n.payload?.startsWith("{") && onChannel.push(JSON.parse(n.payload)));
    await observer.query(`LISTEN ${HUB_EVENT_PG_CHANNEL}`);
    stop = await startEventFanOut({ redisUrl: "", databaseUrl: database.url, instanceId: "testpg" });
    unsubscribe = subscribeHubEvents((event) => delivered.push(event));
  });

  after(async () => {
    unsubscribe?.();
    await stop?.();
    await observer?.end();
    await database?.drop();
  });

  it("publishes this process's events and delivers them locally exactly once", async () => {
    publishHubEvent({ type: "catalog_changed" });
    await waitFor(() => onChannel.some((m) => m.event.type === "catalog_changed"), "the event on Postgres");
    assert.match(onChannel.find((m) => m.event.type === "catalog_changed")!.origin, /^testpg:/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(delivered.filter((e) => e.type === "catalog_changed").length, 1);
  });

  it("delivers another process's events (e.g. the CLI's) and ignores malformed ones", async () => {
    await observer.query("SELECT pg_notify($1, $2)", [HUB_EVENT_PG_CHANNEL, "not json"]);
    await observer.query("SELECT pg_notify($1, $2)", [HUB_EVENT_PG_CHANNEL, JSON.stringify({ origin: "cli:1", event: { type: "key_revoked", keyId: "k-7" } })]);
    await waitFor(() => delivered.some((e) => e.type === "key_revoked" && e.keyId === "k-7"), "the CLI's event");
  });

  it("waits for pending publishes when stopped, so a CLI's last event is not lost", async () => {
    const stopCli = await startEventFanOut({ redisUrl: "", databaseUrl: database.url, instanceId: "cli" });
    publishHubEvent({ type: "user_disabled", userId: "u-last" });
    await stopCli();
    await waitFor(() => onChannel.some((m) => m.event.type === "user_disabled" && m.origin.startsWith("cli:")), "the CLI's last event");
  });
});

describe("hub event fan-out with neither Redis nor a database", () => {
  it("does nothing", async () => {
    const stopNothing = await startEventFanOut({ redisUrl: "", databaseUrl: "" });
    await stopNothing();
  });
});
