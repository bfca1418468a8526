// 2026-07-28 is stateless: any instance answers any request, and a subscriptions/listen stream
// on any instance hears a catalogue change made anywhere. Two hubs on one database (fan-out over
// Redis when REDIS_URL is set, else Postgres LISTEN/NOTIFY), a listener on each, a deprecation
// through the CLI (a third process): both listeners hear it within a second of the CLI finishing.
// A hub shutting down ends its listen streams gracefully (the listen request's result), exit 0.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { openRawEventStream, type RawEventStream } from "./open-raw-event-stream";
import { runSbCli } from "./run-sb-cli";

const REVISION = "2026-07-28";
const FAN_OUT_BUDGET_MS = 1_000;

let database: TestDatabase;
const hubs: TestHub[] = [];
let cliEnv: Record<string, string>;
let key = "";

before(async () => {
  database = await createTestDatabase();
  cliEnv = { DATABASE_URL: database.url, REDIS_URL: process.env.REDIS_URL ?? "" };
  await seedAccounts(database.url, async (seed) => {
    await seed.user("listen@example.com");
    key = await seed.key("listen@example.com", "listen");
  });
  for (const instance of ["alpha", "bravo"]) {
    hubs.push(await startTestHub({ databaseUrl: database.url, env: { REDIS_URL: cliEnv.REDIS_URL, SWITCHBOARD_INSTANCE_ID: instance } }));
  }
});

after(async () => {
  await Promise.all(hubs.map((hub) => hub.stop()));
  await database?.drop();
});

const meta = { "io.modelcontextprotocol/protocolVersion": REVISION, "io.modelcontextprotocol/clientInfo": { name: "listen-test", version: "1" }, "io.modelcontextprotocol/clientCapabilities": {} };

function listen(hub: TestHub, id: string): Promise<RawEventStream> {
  return openRawEventStream({
    port: hub.port,
    path: "/mcp",
    headers: { Host: "localhost", "Content-Type": "application/json", Accept: "application/json, text/event-stream", Authorization: `Bearer ${key}`, "MCP-Protocol-Version": REVISION, "Mcp-Method": "subscriptions/listen" },
    body: JSON.stringify({ jsonrpc: "2.0", id, method: "subscriptions/listen", params: { _meta: meta, notifications: { toolsListChanged: true } } }),
  });
}

function eventsOf(stream: RawEventStream): Array<{ id?: unknown; method?: string; result?: unknown }> {
  return stream.text().split("\n").filter((line) => line.startsWith("data: ")).map((line) => JSON.parse(line.slice(6)));
}

/** Resolves with the time the stream's `count`-th message arrived. */
async function arrivalOf(stream: RawEventStream, count: number, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (eventsOf(stream).length < count) {
    if (Date.now() > deadline) throw new Error(`no message ${count} on the stream: ${stream.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now();
}

test("a deprecation made by the CLI reaches the listen streams on every instance within a second", async () => {
  const streams = await Promise.all(hubs.map((hub, index) => listen(hub, `listen-${index}`)));
  try {
    await Promise.all(streams.map((stream) => arrivalOf(stream, 1)));
    const arrivals = Promise.all(streams.map((stream) => arrivalOf(stream, 2)));
    await runSbCli(["tool", "deprecate", "search_text", "--message", "listen fan-out test"], cliEnv);
    const cliDone = Date.now();
    for (const [index, arrivedAt] of (await arrivals).entries()) {
      assert.ok(arrivedAt - cliDone <= FAN_OUT_BUDGET_MS, `instance ${index} heard the change ${arrivedAt - cliDone} ms after the CLI finished`);
      assert.deepEqual(eventsOf(streams[index])[1], { jsonrpc: "2.0", method: "notifications/tools/list_changed", params: { _meta: { "io.modelcontextprotocol/subscriptionId": `listen-${index}` } } });
    }
  } finally {
    for (const stream of streams) stream.close();
  }
});

test("shutting a hub down ends its listen streams with the listen request's result", async () => {
  const hub = hubs.pop()!;
  const stream = await listen(hub, "closing");
  await arrivalOf(stream, 1);
  const exitCode = await hub.stop();
  await stream.ended;
  assert.equal(exitCode, 0, hub.output());
  assert.deepEqual(eventsOf(stream).at(-1), { jsonrpc: "2.0", id: "closing", result: { resultType: "complete", _meta: { "io.modelcontextprotocol/subscriptionId": "closing" } } });
});
