import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { publishHubEvent, subscribeHubEvents, type HubEvent } from "@/lib/events/hub-events";
import { HUB_EVENT_LISTENER_NAME, HUB_EVENT_PG_CHANNEL } from "@/lib/events/open-postgres-event-channel";
import { startEventFanOut } from "@/lib/events/start-event-fan-out";
import { eventually } from "@/test/helpers/eventually";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { runSb } from "@/test/integration/cli/run-sb";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FIXTURE_UPSTREAM = path.join(ROOT, "test/integration/federation/changing-upstream.ts");

/** Polls often (deliveries are quick) but waits long: on a busy machine a re-read or reconnect can take seconds. */
const waitFor = (check: () => boolean, what: string) => eventually(what, async () => check(), 20_000, 20);

describe("hub event fan-out over Postgres (HubEventLog + LISTEN/NOTIFY)", () => {
  let database: TestDatabase;
  let stop: () => Promise<void>;
  let observer: pg.Client;
  const delivered: HubEvent[] = [];
  let unsubscribe: () => void;

  /** What another process (another instance, the CLI) publishes: a row, then its NOTIFY. */
  const publishAsOtherProcess = async (message: string, notify = true) => {
    const { rows } = await observer.query<{ id: string }>(`INSERT INTO "HubEventLog" ("message") VALUES ($1) RETURNING "id"::text AS id`, [message]);
    if (notify) await observer.query("SELECT pg_notify($1, $2)", [HUB_EVENT_PG_CHANNEL, rows[0].id]);
  };
  const logged = async () =>
    (await observer.query<{ message: string }>(`SELECT "message" FROM "HubEventLog" WHERE "message" LIKE '{%' ORDER BY "id"`)).rows.map((row) => JSON.parse(row.message) as { origin: string; event: HubEvent });

  before(async () => {
    database = await createTestDatabase();
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    stop = await startEventFanOut({ databaseUrl: database.url, instanceId: "testpg" });
    unsubscribe = subscribeHubEvents((event) => delivered.push(event));
  });

  after(async () => {
    unsubscribe?.();
    await stop?.();
    await observer?.end();
    await database?.drop();
  });

  it("logs this process's events and delivers them locally exactly once", async () => {
    publishHubEvent({ type: "catalog_changed" });
    let rows: Awaited<ReturnType<typeof logged>> = [];
    await eventually("the event to be logged", async () => (rows = await logged()).some((m) => m.event.type === "catalog_changed"), 20_000, 20);
    assert.match(rows.find((m) => m.event.type === "catalog_changed")!.origin, /^testpg:/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(delivered.filter((e) => e.type === "catalog_changed").length, 1);
  });

  it("delivers another process's events (e.g. the CLI's) once each, and ignores malformed ones", async () => {
    await publishAsOtherProcess("not json");
    await publishAsOtherProcess(JSON.stringify({ origin: "cli:1", event: { type: "drop_tables" } }));
    await publishAsOtherProcess(JSON.stringify({ origin: "cli:1", event: { type: "key_revoked", keyId: "k-7" } }));
    await waitFor(() => delivered.some((e) => e.type === "key_revoked" && e.keyId === "k-7"), "the CLI's event");
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(delivered.filter((e) => e.type === "key_revoked" && e.keyId === "k-7").length, 1);
    assert.equal(delivered.filter((e) => (e.type as string) === "drop_tables").length, 0);
  });

  it("re-reads what it missed while its connection was down: an event published meanwhile still arrives", async () => {
    await observer.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [HUB_EVENT_LISTENER_NAME]);
    // Published while the listener reconnects: its NOTIFY reaches nobody.
    await publishAsOtherProcess(JSON.stringify({ origin: "other:2", event: { type: "user_disabled", userId: "u-missed" } }));
    await waitFor(() => delivered.some((e) => e.type === "user_disabled" && e.userId === "u-missed"), "the missed event");
  });

  it("finds an event whose NOTIFY never came (the periodic re-read)", async () => {
    await publishAsOtherProcess(JSON.stringify({ origin: "other:3", event: { type: "permissions_changed" } }), false);
    await waitFor(() => delivered.some((e) => e.type === "permissions_changed"), "the silent event");
  });

  it("waits for pending publishes when stopped, so a CLI's last event is not lost", async () => {
    const stopCli = await startEventFanOut({ databaseUrl: database.url, instanceId: "cli" });
    publishHubEvent({ type: "user_disabled", userId: "u-last" });
    await stopCli();
    assert.ok((await logged()).some((m) => m.event.type === "user_disabled" && m.origin.startsWith("cli:")), "the CLI's last event is in the log");
  });

  // server add and remove each publish several events while the channel's own NOTIFYs trigger
  // reads: with queries overlapping on the one connection pg prints a DeprecationWarning (pg 9
  // will refuse them), and a read started during close() fails with "Connection terminated".
  it("a CLI run that publishes several events exits with no overlapping queries and no read after close", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "sb-fan-out-"));
    try {
      const definitions = path.join(folder, "tools.json");
      writeFileSync(definitions, JSON.stringify({ tools: [{ name: "greet", description: "Greets.", inputSchema: { type: "object" } }] }));
      const env = { DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: "fan-out-test-secret-key-0123456789abcdef" };
      const runs = [
        await runSb(["server", "add", "fixture", "--command", process.execPath, "--arg=--import", "--arg", "tsx", "--arg", FIXTURE_UPSTREAM, "--arg", definitions, "--cwd", ROOT], env),
        await runSb(["server", "remove", "fixture"], env),
      ];
      for (const run of runs) {
        assert.equal(run.code, 0, run.stderr);
        assert.doesNotMatch(run.stderr, /DeprecationWarning|client\.query\(\)|Could not read hub events/, run.stderr);
      }
      assert.ok((await logged()).some((m) => m.event.type === "upstreams_changed"), "the CLI's events were published");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("hub event fan-out without a database", () => {
  it("does nothing", async () => {
    const stopNothing = await startEventFanOut({ databaseUrl: "" });
    await stopNothing();
  });
});
