// Resource subscriptions with the hub as two instances on one database (hub events over Postgres
// LISTEN/NOTIFY), each with its own upstream connection (here its own process of the tests' stdio
// fixture: `touch` announces every resource that process was subscribed to and answers how many):
// server/discover's resources.subscribe follows the servers connected to the answering instance,
// so it is cached for a minute, not an hour; a session on one instance and a listen stream on the
// other each subscribe on their own instance's connection and hear its updates; a rename made by
// the CLI (a third process) moves both subscriptions to the new name on both instances, renewed on
// the new connections (the session's and the stream's principals are re-read, so their key's
// rewritten tool list still lets them see the server), the old URI still ends them.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ResourceUpdatedNotificationSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { eventually } from "@/test/helpers/eventually";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { runSbOk } from "@/test/integration/cli/run-sb-ok";
import { connectHubClient } from "@/test/integration/federation/connect-hub-client";
import { messagesOf, MODERN_META, modernHeaders, openListenStream } from "@/test/integration/federation/modern-requests";
import { toolResultText } from "@/test/integration/federation/tool-result-text";
import type { RawEventStream } from "@/test/integration/mcp/open-raw-event-stream";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FIXTURE = path.join(import.meta.dirname, "changing-upstream.ts");
const SECRET_KEY = "resource-subscriptions-instances-secret-key-0123";
const resourceOf = (server: string) => `sb-upstream://${server}/${encodeURIComponent("fixture://notes/one")}`;

let database: TestDatabase;
let folder: string;
let definitionsFile: string;
let key = "";
const hubs: { alpha?: TestHub; bravo?: TestHub } = {};
const clients: Client[] = [];
const streams: RawEventStream[] = [];

const hub = (name: "alpha" | "bravo"): TestHub => {
  const started = hubs[name];
  assert.ok(started, `hub ${name} is running`);
  return started;
};

const sbOk = (...args: string[]) => runSbOk(args, { DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: SECRET_KEY });

async function connect(on: "alpha" | "bravo", withKey = key): Promise<Client> {
  const client = await connectHubClient(hub(on).url, "streamable", withKey, `subscriptions-${on}`);
  clients.push(client);
  return client;
}

async function discover(on: "alpha" | "bravo"): Promise<{ capabilities: { resources?: Record<string, unknown> }; ttlMs: number; cacheScope: string }> {
  const reply = await fetch(`${hub(on).url}/mcp`, { method: "POST", headers: modernHeaders(key, "server/discover"), body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "server/discover", params: { _meta: MODERN_META } }) });
  assert.equal(reply.status, 200);
  return ((await reply.json()) as { result: { capabilities: { resources?: Record<string, unknown> }; ttlMs: number; cacheScope: string } }).result;
}

/** Calls SERVER__touch through a session: how many resources that instance's fixture process is subscribed to ("" while it cannot be called). */
const touch = async (client: Client, server: string) => toolResultText((await client.callTool({ name: `${server}__touch`, arguments: {} }).catch(() => ({ content: [] }))) as CallToolResult);

function recordUpdates(client: Client): string[] {
  const updates: string[] = [];
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => void updates.push(notification.params.uri));
  return updates;
}

const updatesOf = (stream: RawEventStream) => messagesOf(stream).filter((message) => message.method === "notifications/resources/updated").map((message) => message.params);

before(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "sb-subscriptions-instances-"));
  definitionsFile = path.join(folder, "fixture.json");
  writeFileSync(
    definitionsFile,
    JSON.stringify({ tools: [{ name: "touch", description: "Announces every subscribed resource.", inputSchema: { type: "object" } }], resources: [{ uri: "fixture://notes/one", name: "one", mimeType: "text/plain" }] }),
  );
  database = await createTestDatabase();
  await seedAccounts(database.url, async (seed) => {
    await seed.user("admin@example.com", "admin");
    await seed.user("member@example.com");
    key = await seed.key("admin@example.com", "admin", { rateLimit: "10000/1m" });
  });
  const [alpha, bravo] = await Promise.all(["alpha", "bravo"].map((instance) => startTestHub({ databaseUrl: database.url, env: { SWITCHBOARD_SECRET_KEY: SECRET_KEY, SWITCHBOARD_INSTANCE_ID: instance } })));
  Object.assign(hubs, { alpha, bravo });
});

after(async () => {
  for (const stream of streams) stream.close();
  await Promise.all(clients.map((client) => client.close().catch(() => {})));
  await Promise.all(Object.values(hubs).map((started) => started.stop()));
  await database?.drop();
  rmSync(folder, { recursive: true, force: true });
});

// The tests below run in order: this one registers the server the others subscribe to.
test("server/discover's resources.subscribe follows the servers connected to the instance, so the answer is cached for at most a minute (public: it is the same for every key)", async () => {
  const before = await discover("alpha");
  assert.deepEqual(before.capabilities.resources, { listChanged: true });
  assert.equal(before.cacheScope, "public");
  await sbOk("server", "add", "fixture", "--command", process.execPath, "--arg=--import", "--arg", "tsx", "--arg", FIXTURE, "--arg", definitionsFile, "--cwd", ROOT);
  for (const instance of ["alpha", "bravo"] as const) {
    await eventually(`${instance} offers resources.subscribe once it connected the server`, async () => (await discover(instance)).capabilities.resources?.subscribe === true, 60_000, 200);
  }
  // The answer from before went stale as soon as the server connected: a client must not keep it for long.
  assert.ok(before.ttlMs > 0 && before.ttlMs <= 60_000, `server/discover is cached ${before.ttlMs} ms; its resources.subscribe can change at any time`);
  assert.equal((await discover("bravo")).ttlMs, before.ttlMs);
});

test("a session on one instance and a listen stream on the other each subscribe on their own instance's connection, and hear its updates; after a rename by the CLI both keep working under the new name (their key names the server's tool: the rename rewrites it, and neither makes a request meanwhile), and the old URI still ends them", async () => {
  // A member who may see the server only through a key narrowed to its one tool.
  await sbOk("tool", "grant", "fixture__touch", "--email", "member@example.com");
  const narrowKey = await seedAccounts(database.url, (seed) => seed.key("member@example.com", "narrow", { tools: ["fixture__touch"], rateLimit: "10000/1m" }));
  // The admin's sessions touch; the member's session and stream only listen.
  const [touchOnAlpha, touchOnBravo, watcher] = await Promise.all([connect("alpha"), connect("bravo"), connect("alpha", narrowKey)]);
  const heardOnAlpha = recordUpdates(watcher);
  await watcher.subscribeResource({ uri: resourceOf("fixture") });
  const stream = await openListenStream(hub("bravo").port, narrowKey, "bravo-watch", { resourceSubscriptions: [resourceOf("fixture")] });
  streams.push(stream);
  assert.deepEqual(messagesOf(stream)[0].params?.notifications, { resourceSubscriptions: [resourceOf("fixture")] });

  // Each instance's fixture process holds exactly its own instance's one subscription.
  assert.equal(await touch(touchOnAlpha, "fixture"), "touched 1");
  await eventually("the session on alpha hears alpha's update", async () => heardOnAlpha.length === 1, 10_000, 50);
  assert.deepEqual(updatesOf(stream), [], "bravo's stream hears nothing of alpha's connection");
  assert.equal(await touch(touchOnBravo, "fixture"), "touched 1");
  await eventually("the stream on bravo hears bravo's update", async () => updatesOf(stream).length === 1, 10_000, 50);
  assert.deepEqual(updatesOf(stream), [{ _meta: { "io.modelcontextprotocol/subscriptionId": "bravo-watch" }, uri: resourceOf("fixture") }]);
  assert.deepEqual(heardOnAlpha, [resourceOf("fixture")]);

  await sbOk("server", "rename", "fixture", "renamed");
  // Each instance let its old process go and started one under the new name: that one holds a
  // subscription only because the instance moved its watch to the new name and renewed it there.
  for (const [instance, client] of [["alpha", touchOnAlpha], ["bravo", touchOnBravo]] as const) {
    await eventually(`${instance}'s new connection holds the moved subscription`, async () => (await touch(client, "renamed")) === "touched 1", 30_000, 200);
  }
  await eventually("the session hears the renamed server's update under the new URI", async () => heardOnAlpha.includes(resourceOf("renamed")), 10_000, 50);
  await eventually("the stream hears it too", async () => updatesOf(stream).some((update) => update?.uri === resourceOf("renamed")), 10_000, 50);
  assert.ok(heardOnAlpha.every((uri) => uri === resourceOf("fixture") || uri === resourceOf("renamed")), JSON.stringify(heardOnAlpha));

  // Unsubscribing by the URI it subscribed with ends the moved subscription.
  await watcher.unsubscribeResource({ uri: resourceOf("fixture") });
  await eventually("alpha's new connection lets the subscription go", async () => (await touch(touchOnAlpha, "renamed")) === "touched 0", 10_000, 200);
  // The stream's closing lets bravo's go.
  stream.close();
  await eventually("bravo's new connection lets the subscription go", async () => (await touch(touchOnBravo, "renamed")) === "touched 0", 10_000, 200);
});
