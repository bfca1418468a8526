// Resource subscriptions through the hub: a session's resources/subscribe to an upstream
// resource (by the URI the hub lists) brings notifications/resources/updated with that URI when
// the upstream announces it; the hub holds one upstream subscription per resource while any
// session or listen stream wants it (unsubscribe and close both let go), re-checks who may see
// the server at every update (ending the watch of whoever may no longer see it; a revoked key's
// sessions and streams end, and their watches with them), bounds URIs and counts, and offers the same to 2026-07-28 clients
// through subscriptions/listen's resourceSubscriptions, and renews its subscriptions when an
// upstream restarts. A real hub, the real @modelcontextprotocol/server-everything over stdio (its
// toggle-subscriber-updates tool makes it announce every subscribed resource at once and then
// every 5 s), the tests' own fixture upstream (touch announces at once, crash restarts it), SDK
// clients and raw HTTP.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ErrorCode, ResourceUpdatedNotificationSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { API_KEY_FORMAT } from "@/lib/api-keys/api-key-format";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { disconnectPrisma } from "@/lib/db/prisma";
import { startEventFanOut } from "@/lib/events/start-event-fan-out";
import { listToolGrants } from "@/lib/permissions/list-tool-grants";
import { revokeToolGrant } from "@/lib/permissions/revoke-tool-grant";
import { MAX_RESOURCE_SUBSCRIPTIONS, MAX_RESOURCE_URI_CHARS } from "@/lib/upstreams/upstream-resource-subscriptions";
import { eventually } from "@/test/helpers/eventually";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { runSb } from "@/test/integration/cli/run-sb";
import { connectHubClient } from "@/test/integration/federation/connect-hub-client";
import { messagesOf, MODERN_META, modernHeaders, openListenStream } from "@/test/integration/federation/modern-requests";
import type { RawEventStream } from "@/test/integration/mcp/open-raw-event-stream";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const EVERYTHING = path.join(ROOT, "node_modules/@modelcontextprotocol/server-everything/dist/index.js");
const FIXTURE = path.join(import.meta.dirname, "changing-upstream.ts");
const FIXTURE_RESOURCE_URI = `sb-upstream://fixture/${encodeURIComponent("fixture://notes/one")}`;
const SECRET_KEY = "resource-subscriptions-test-secret-key-0123";
/** server-everything announces subscribed resources every 5 s once toggled on: room for two rounds on a busy machine. */
const UPDATE_WAIT_MS = 15_000;

let database: TestDatabase;
let hub: TestHub;
let folder: string;
let stopFanOut: (() => Promise<void>) | undefined;
/** An upstream resource as the hub lists it (sb-upstream://everything/…). */
let resourceUri = "";
const keys = { admin: "", member: "", outsider: "", revocable: "" };
const clients: Client[] = [];
const streams: RawEventStream[] = [];

const env = () => ({ DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: SECRET_KEY });
async function sbOk(...args: string[]): Promise<string> {
  const result = await runSb(args, env());
  assert.equal(result.code, 0, `sb ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

async function connect(kind: "streamable" | "sse", key: string): Promise<Client> {
  const client = await connectHubClient(hub.url, kind, key, "resource-subscriptions-test");
  clients.push(client);
  return client;
}

/** The URIs of the notifications/resources/updated a session receives, in order. */
function recordUpdates(client: Client): string[] {
  const updates: string[] = [];
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => void updates.push(notification.params.uri));
  return updates;
}

/** The hub's count of successful upstream resources/subscribe and resources/unsubscribe requests. */
async function upstreamRequests(): Promise<{ subscribe: number; unsubscribe: number }> {
  const text = await (await fetch(`${hub.url}/metrics`, { headers: { Authorization: `Bearer ${keys.admin}` } })).text();
  const count = (method: string) => Number(new RegExp(`^switchboard_upstream_request_duration_seconds_count\\{server="everything",method="${method}",outcome="ok"\\} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
  return { subscribe: count("resources/subscribe"), unsubscribe: count("resources/unsubscribe") };
}

const textOf = (result: CallToolResult) => result.content.map((item) => (item.type === "text" ? item.text : `[${item.type}]`)).join("\n");
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const invalidParams = (pattern: RegExp) => (error: Error & { code?: unknown }) => error.code === ErrorCode.InvalidParams && pattern.test(error.message);

before(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "sb-resource-subscriptions-"));
  const definitionsFile = path.join(folder, "fixture.json");
  writeFileSync(
    definitionsFile,
    JSON.stringify({
      tools: [
        { name: "touch", description: "Announces every subscribed resource.", inputSchema: { type: "object" } },
        { name: "crash", description: "Exits mid-call.", inputSchema: { type: "object" } },
      ],
      resources: [{ uri: "fixture://notes/one", name: "one", mimeType: "text/plain" }],
    }),
  );
  database = await createTestDatabase();
  // revokeToolGrant runs in this process, as the admin API would in a hub: its event reaches the hub through Postgres.
  process.env.DATABASE_URL = database.url;
  // Accounts are seeded in this process (the CLI's user and key commands are tested in
  // sb-cli.test.ts) while the CLI registers the servers; the grant needs both.
  await Promise.all([
    seedAccounts(database.url, async (seed) => {
      // The first user is made an admin whatever its role: the admin first.
      await seed.user("admin@example.com", "admin");
      await seed.user("member@example.com");
      await seed.user("outsider@example.com");
      keys.admin = await seed.key("admin@example.com", "admin", { rateLimit: "10000/1m" });
      keys.member = await seed.key("member@example.com", "member", { rateLimit: "10000/1m" });
      keys.outsider = await seed.key("outsider@example.com", "outsider", { rateLimit: "10000/1m" });
      keys.revocable = await seed.key("admin@example.com", "revocable", { rateLimit: "10000/1m" });
    }),
    sbOk("server", "add", "everything", "--command", process.execPath, "--arg", EVERYTHING),
    sbOk("server", "add", "fixture", "--command", process.execPath, "--arg=--import", "--arg", "tsx", "--arg", FIXTURE, "--arg", definitionsFile, "--cwd", ROOT),
  ]);
  await sbOk("tool", "grant", "everything__echo", "--email", "member@example.com");
  stopFanOut = await startEventFanOut({ databaseUrl: database.url, instanceId: "resource-subscriptions-test" });
  hub = await startTestHub({ databaseUrl: database.url, env: { SWITCHBOARD_SECRET_KEY: SECRET_KEY } });
  // The hub connects its upstreams in the background: sessions opened before it has are not offered subscriptions.
  await eventually("the hub offers resources.subscribe", async () => {
    const probe = await connectHubClient(hub.url, "streamable", keys.admin);
    const offered = probe.getServerCapabilities()?.resources?.subscribe === true;
    await probe.close();
    return offered;
  }, 30_000, 200);
  const admin = await connect("streamable", keys.admin);
  resourceUri = (await admin.listResources()).resources.find((resource) => resource.uri.startsWith("sb-upstream://everything/"))?.uri ?? "";
  assert.ok(resourceUri, "server-everything lists resources through the hub");
  // Every subscription of the upstream connection is announced from now on, every 5 s.
  assert.match(textOf((await admin.callTool({ name: "everything__toggle-subscriber-updates", arguments: {} })) as CallToolResult), /^Started simulated resource updated notifications/);
});

after(async () => {
  for (const stream of streams) stream.close();
  await Promise.all(clients.map((client) => client.close().catch(() => {})));
  await hub?.stop();
  await stopFanOut?.();
  await disconnectPrisma();
  await database?.drop();
  rmSync(folder, { recursive: true, force: true });
});

describe("resources/subscribe on sessions", () => {
  test("two sessions watching one resource share one upstream subscription; each hears its updates by the hub's URI; the upstream's goes when the last one unsubscribes or closes", async () => {
    const start = await upstreamRequests();
    const streamable = await connect("streamable", keys.admin);
    const sse = await connect("sse", keys.admin);
    const heard = { streamable: recordUpdates(streamable), sse: recordUpdates(sse) };
    await streamable.subscribeResource({ uri: resourceUri });
    await sse.subscribeResource({ uri: resourceUri });
    // Subscribing twice is one subscription.
    await sse.subscribeResource({ uri: resourceUri });
    assert.deepEqual(await upstreamRequests(), { subscribe: start.subscribe + 1, unsubscribe: start.unsubscribe });
    await eventually("both sessions hear an update", async () => heard.streamable.length >= 1 && heard.sse.length >= 1, UPDATE_WAIT_MS, 50);
    assert.ok([...heard.streamable, ...heard.sse].every((uri) => uri === resourceUri), `updates name the hub's URI: ${JSON.stringify(heard)}`);

    await streamable.unsubscribeResource({ uri: resourceUri });
    // Another session still watches: the upstream subscription stays.
    assert.deepEqual(await upstreamRequests(), { subscribe: start.subscribe + 1, unsubscribe: start.unsubscribe });
    // An update already on its way when the unsubscribe was answered may still land.
    await pause(300);
    const streamableHeard = heard.streamable.length;
    const sseHeard = heard.sse.length;
    await eventually("the session still subscribed hears the next update", async () => heard.sse.length > sseHeard, UPDATE_WAIT_MS, 50);
    assert.equal(heard.streamable.length, streamableHeard, "the unsubscribed session hears nothing more");

    // The last watcher closing counts as unsubscribing.
    await sse.close();
    await eventually("the upstream subscription is let go", async () => (await upstreamRequests()).unsubscribe === start.unsubscribe + 1, 10_000, 100);

    // Nobody watches now: the next subscriber subscribes upstream again, and a Streamable session's DELETE lets go too.
    const again = await connect("streamable", keys.admin);
    const heardAgain = recordUpdates(again);
    await again.subscribeResource({ uri: resourceUri });
    assert.equal((await upstreamRequests()).subscribe, start.subscribe + 2);
    await eventually("the new subscriber hears updates", async () => heardAgain.length >= 1, UPDATE_WAIT_MS, 50);
    await (again.transport as StreamableHTTPClientTransport).terminateSession();
    await eventually("the upstream subscription is let go again", async () => (await upstreamRequests()).unsubscribe === start.unsubscribe + 2, 10_000, 100);
  });

  test("who may hear is re-checked at every update: a member who loses the server's last tool stops hearing, and its watches end with its session still open (the upstream lets go of what only it watched), while an admin goes on; an outsider cannot subscribe", async () => {
    const start = await upstreamRequests();
    const member = await connect("streamable", keys.member);
    const admin = await connect("sse", keys.admin);
    const heard = { member: recordUpdates(member), admin: recordUpdates(admin) };
    const memberOnly = `sb-upstream://everything/${encodeURIComponent("demo://watched-by-the-member-only")}`;
    await member.subscribeResource({ uri: resourceUri });
    await member.subscribeResource({ uri: memberOnly });
    await admin.subscribeResource({ uri: resourceUri });
    assert.deepEqual(await upstreamRequests(), { subscribe: start.subscribe + 2, unsubscribe: start.unsubscribe });
    await eventually("both hear an update", async () => heard.member.includes(resourceUri) && heard.member.includes(memberOnly) && heard.admin.length >= 1, UPDATE_WAIT_MS, 50);

    const outsider = await connect("streamable", keys.outsider);
    await assert.rejects(outsider.subscribeResource({ uri: resourceUri }), invalidParams(/Unknown resource: sb-upstream:\/\/everything\//));

    const grant = (await listToolGrants({ toolName: "everything__echo" })).find((candidate) => candidate.userEmail === "member@example.com");
    assert.ok(grant, "the member's grant is there");
    await revokeToolGrant({ grantId: grant.id, actor: CLI_ACTOR });
    // The revocation reaches the hub through Postgres; then the member's view of the server is gone.
    await eventually("the member no longer sees the server's resources", async () => (await member.listResources()).resources.length === 0, 10_000, 100);
    await pause(300);
    const memberHeard = heard.member.length;
    const adminHeard = heard.admin.length;
    await eventually("the admin hears the next update", async () => heard.admin.length > adminHeard, UPDATE_WAIT_MS, 50);
    assert.equal(heard.member.length, memberHeard, "the member hears nothing more");
    // The update that found the member refused ended its watches: the resource only it watched is let go upstream, its session still open.
    await eventually("the upstream lets go of the resource only the member watched", async () => (await upstreamRequests()).unsubscribe === start.unsubscribe + 1, UPDATE_WAIT_MS, 100);
    assert.equal((await upstreamRequests()).subscribe, start.subscribe + 2, "nothing was subscribed again");
    // The admin still watches the shared resource: its subscription stays until the admin leaves.
    await admin.close();
    await eventually("the shared resource is let go with the admin", async () => (await upstreamRequests()).unsubscribe === start.unsubscribe + 2, 10_000, 100);
    // Client.close() sends no DELETE for a Streamable session: end it (it watches nothing now, so nothing more goes upstream).
    await (member.transport as StreamableHTTPClientTransport).terminateSession();
    await pause(300);
    assert.equal((await upstreamRequests()).unsubscribe, start.unsubscribe + 2);
  });

  test("a revoked key's sessions and listen streams end at once, and with them their subscriptions upstream", async () => {
    const start = await upstreamRequests();
    const session = await connect("streamable", keys.revocable);
    await session.subscribeResource({ uri: `sb-upstream://everything/${encodeURIComponent("demo://watched-by-a-revocable-session")}` });
    const stream = await openListenStream(hub.port, keys.revocable, "revocable", { resourceSubscriptions: [`sb-upstream://everything/${encodeURIComponent("demo://watched-by-a-revocable-stream")}`] });
    streams.push(stream);
    await eventually("the stream is acknowledged", async () => stream.text().includes("notifications/subscriptions/acknowledged"), 10_000, 50);
    assert.deepEqual(await upstreamRequests(), { subscribe: start.subscribe + 2, unsubscribe: start.unsubscribe });
    await revokeApiKey({ prefix: keys.revocable.slice(0, API_KEY_FORMAT.visiblePrefixLength), actor: CLI_ACTOR });
    await eventually("both subscriptions are let go upstream", async () => (await upstreamRequests()).unsubscribe === start.unsubscribe + 2, 10_000, 100);
  });

  test(`bounds: a URI over ${MAX_RESOURCE_URI_CHARS} characters and resource number ${MAX_RESOURCE_SUBSCRIPTIONS + 1} are refused; closing lets every one of them go upstream`, async () => {
    const start = await upstreamRequests();
    const client = await connect("streamable", keys.admin);
    const long = `sb-upstream://everything/${"a".repeat(MAX_RESOURCE_URI_CHARS)}`;
    await assert.rejects(client.subscribeResource({ uri: long }), invalidParams(new RegExp(`Resource URI too long: at most ${MAX_RESOURCE_URI_CHARS} characters\\.`)));
    const uris = Array.from({ length: MAX_RESOURCE_SUBSCRIPTIONS }, (_, index) => `sb-upstream://everything/${encodeURIComponent(`demo://bounded/${index}`)}`);
    await Promise.all(uris.map((uri) => client.subscribeResource({ uri })));
    await assert.rejects(
      client.subscribeResource({ uri: `sb-upstream://everything/${encodeURIComponent("demo://bounded/one-too-many")}` }),
      invalidParams(new RegExp(`This session already watches ${MAX_RESOURCE_SUBSCRIPTIONS} resources \\(the most allowed\\): unsubscribe from one first\\.`)),
    );
    // Unsubscribing from one makes room again.
    await client.unsubscribeResource({ uri: uris[0] });
    await client.subscribeResource({ uri: `sb-upstream://everything/${encodeURIComponent("demo://bounded/room-again")}` });
    assert.equal((await upstreamRequests()).subscribe, start.subscribe + MAX_RESOURCE_SUBSCRIPTIONS + 1);
    await (client.transport as StreamableHTTPClientTransport).terminateSession();
    await eventually("every subscription is let go upstream", async () => (await upstreamRequests()).unsubscribe === start.unsubscribe + MAX_RESOURCE_SUBSCRIPTIONS + 1, 10_000, 100);
  });
});

describe("an upstream that restarts", () => {
  test("the hub renews its subscriptions on the new connection: the session hears the restarted upstream's updates", async () => {
    const client = await connect("sse", keys.admin);
    const heard = recordUpdates(client);
    await client.subscribeResource({ uri: FIXTURE_RESOURCE_URI });
    const touch = async () => textOf((await client.callTool({ name: "fixture__touch", arguments: {} })) as CallToolResult);
    assert.equal(await touch(), "touched 1");
    await eventually("the session hears the fixture's update", async () => heard.length === 1, 10_000, 50);
    assert.deepEqual(heard, [FIXTURE_RESOURCE_URI]);

    const crashed = (await client.callTool({ name: "fixture__crash", arguments: {} })) as CallToolResult;
    assert.equal(crashed.isError, true);
    // The new process knows nothing of the old one's subscriptions until the hub renews them.
    await eventually("the restarted fixture holds the hub's subscription again", async () => (await touch().catch(() => "")) === "touched 1", 20_000, 200);
    await eventually("the session hears the restarted fixture's update", async () => heard.length >= 2, 10_000, 50);
    assert.ok(heard.every((uri) => uri === FIXTURE_RESOURCE_URI), JSON.stringify(heard));
    await client.close();
  });
});

describe("resourceSubscriptions on 2026-07-28 subscriptions/listen", () => {
  const listenBody = (id: string, resourceSubscriptions: unknown) => JSON.stringify({ jsonrpc: "2.0", id, method: "subscriptions/listen", params: { _meta: MODERN_META, notifications: { toolsListChanged: true, resourceSubscriptions } } });

  async function listen(key: string, id: string, resourceSubscriptions: unknown): Promise<RawEventStream> {
    const stream = await openListenStream(hub.port, key, id, { toolsListChanged: true, resourceSubscriptions });
    streams.push(stream);
    return stream;
  }

  test("server/discover offers resources.subscribe; the acknowledgement names the resources granted (not an unknown server's, not a foreign URI); updates follow, tagged; closing lets the upstream subscription go", async () => {
    const discovered = await fetch(`${hub.url}/mcp`, { method: "POST", headers: modernHeaders(keys.admin, "server/discover"), body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "server/discover", params: { _meta: MODERN_META } }) });
    assert.deepEqual(((await discovered.json()) as { result: { capabilities: { resources: unknown } } }).result.capabilities.resources, { listChanged: true, subscribe: true });

    const start = await upstreamRequests();
    const unknown = "sb-upstream://nosuch/x";
    const stream = await listen(keys.admin, "watch-1", [resourceUri, unknown, "file:///etc/passwd", resourceUri]);
    assert.equal(stream.status, 200);
    const [ack] = messagesOf(stream);
    assert.equal(ack.method, "notifications/subscriptions/acknowledged");
    assert.deepEqual(ack.params, { _meta: { "io.modelcontextprotocol/subscriptionId": "watch-1" }, notifications: { toolsListChanged: true, resourceSubscriptions: [resourceUri] } });
    assert.equal((await upstreamRequests()).subscribe, start.subscribe + 1);
    await eventually("the stream hears an update", async () => messagesOf(stream).some((message) => message.method === "notifications/resources/updated"), UPDATE_WAIT_MS, 50);
    const update = messagesOf(stream).find((message) => message.method === "notifications/resources/updated");
    assert.deepEqual(update?.params, { _meta: { "io.modelcontextprotocol/subscriptionId": "watch-1" }, uri: resourceUri });

    // An outsider's stream is opened, but granted none of the resources.
    const outsider = await listen(keys.outsider, "watch-outsider", [resourceUri]);
    assert.deepEqual(messagesOf(outsider)[0].params?.notifications, { toolsListChanged: true, resourceSubscriptions: [] });

    stream.close();
    outsider.close();
    await eventually("the upstream subscription is let go", async () => (await upstreamRequests()).unsubscribe === start.unsubscribe + 1, 10_000, 100);
  });

  test("a filter over the bounds is 400 invalid params, and holds nothing", async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ["not a list", resourceUri, /resourceSubscriptions must be a list of resource URIs/],
      ["too many", Array.from({ length: MAX_RESOURCE_SUBSCRIPTIONS + 1 }, (_, index) => `sb-upstream://everything/${index}`), new RegExp(`may name at most ${MAX_RESOURCE_SUBSCRIPTIONS} resources`)],
      ["too long", [`sb-upstream://everything/${"b".repeat(MAX_RESOURCE_URI_CHARS)}`], new RegExp(`URIs may be at most ${MAX_RESOURCE_URI_CHARS} characters`)],
    ];
    const start = await upstreamRequests();
    for (const [label, resourceSubscriptions, message] of cases) {
      const refused = await fetch(`${hub.url}/mcp`, { method: "POST", headers: modernHeaders(keys.admin, "subscriptions/listen"), body: listenBody(`bad-${label}`, resourceSubscriptions) });
      assert.equal(refused.status, 400, label);
      const body = (await refused.json()) as { id: unknown; error: { code: number; message: string } };
      assert.equal(body.error.code, ErrorCode.InvalidParams, label);
      assert.match(body.error.message, message, label);
    }
    assert.deepEqual(await upstreamRequests(), start);
  });
});
