// Upstream servers under the hub's governance beyond tools/call: the default per-server
// concurrency cap lets a small team's concurrent calls through at once, resources/read and
// prompts/get draw on the key's call limit like tools/call, and an upstream's own
// resources/prompts list changes reach the live sessions (2025 Streamable and SSE, 2026-07-28
// subscriptions/listen) of every instance whose principal may see that server, and no others,
// once each even when every instance heard the change (a shared remote upstream).
// Two real hubs on one database, the tests' own fixture upstream registered through the CLI
// (each hub starts its own process of it), a remote SDK upstream both hubs connect to, SDK
// clients and raw HTTP.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { PromptListChangedNotificationSchema, ResourceListChangedNotificationSchema, ToolListChangedNotificationSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { eventually } from "@/test/helpers/eventually";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { runSb } from "@/test/integration/cli/run-sb";
import { connectHubClient } from "@/test/integration/federation/connect-hub-client";
import { startBroadcastingUpstream } from "@/test/integration/federation/start-broadcasting-upstream";
import { openRawEventStream, type RawEventStream } from "@/test/integration/mcp/open-raw-event-stream";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FIXTURE = path.join(import.meta.dirname, "changing-upstream.ts");
const SECRET_KEY = "upstream-extras-test-secret-key-0123456789";
const RESOURCE_URI = `sb-upstream://fixture/${encodeURIComponent("fixture://notes/one")}`;
/** The bench's and a small team's concurrent sessions (issue 10): none may wait for a slot. */
const CONCURRENT_SESSIONS = 20;

let database: TestDatabase;
let folder: string;
const hubs: { alpha?: TestHub; bravo?: TestHub } = {};
const keys = { admin: "", member: "", outsider: "", limited: "" };
const clients: Client[] = [];
const streams: RawEventStream[] = [];
let broadcasting: Awaited<ReturnType<typeof startBroadcastingUpstream>> | undefined;

const env = () => ({ DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: SECRET_KEY });
async function sbOk(...args: string[]): Promise<string> {
  const result = await runSb(args, env());
  assert.equal(result.code, 0, `sb ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

async function connect(hub: TestHub, kind: "streamable" | "sse", key: string): Promise<Client> {
  const client = await connectHubClient(hub.url, kind, key, "upstream-extras-test");
  clients.push(client);
  return client;
}

/** Counts the list_changed notifications of each list a session receives. */
function countListChanges(client: Client): Record<"tools" | "resources" | "prompts", number> {
  const seen = { tools: 0, resources: 0, prompts: 0 };
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => void (seen.tools += 1));
  client.setNotificationHandler(ResourceListChangedNotificationSchema, () => void (seen.resources += 1));
  client.setNotificationHandler(PromptListChangedNotificationSchema, () => void (seen.prompts += 1));
  return seen;
}

const textOf = (result: CallToolResult) => result.content.map((item) => (item.type === "text" ? item.text : `[${item.type}]`)).join("\n");
const call = (client: Client, name: string, args: Record<string, unknown> = {}) => client.callTool({ name, arguments: args }) as Promise<CallToolResult>;

before(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "sb-upstream-extras-"));
  const definitionsFile = path.join(folder, "fixture.json");
  writeFileSync(
    definitionsFile,
    JSON.stringify({
      tools: [
        { name: "greet", description: "Greets someone.", inputSchema: { type: "object", properties: { name: { type: "string" } } } },
        { name: "gather", description: "Answers once count calls are in flight.", inputSchema: { type: "object", properties: { count: { type: "number" }, waitMs: { type: "number" } } } },
        { name: "announce", description: "Announces a list change.", inputSchema: { type: "object", properties: { list: { type: "string", enum: ["resources", "prompts"] } } } },
      ],
      resources: [{ uri: "fixture://notes/one", name: "one", mimeType: "text/plain" }],
      prompts: [{ name: "hello", description: "Says hello." }],
    }),
  );
  database = await createTestDatabase();
  broadcasting = await startBroadcastingUpstream();
  // Accounts are seeded in this process (the CLI's user and key commands are tested in
  // sb-cli.test.ts) while the CLI registers the servers; the grant needs both.
  await Promise.all([
    seedAccounts(database.url, async (seed) => {
      // The first user is made an admin whatever its role: the admin first.
      await seed.user("admin@example.com", "admin");
      await seed.user("member@example.com");
      await seed.user("outsider@example.com");
      keys.admin = await seed.key("admin@example.com", "admin", { rateLimit: "10000/1m" });
      keys.limited = await seed.key("admin@example.com", "limited", { rateLimit: "3/1h" });
      keys.member = await seed.key("member@example.com", "member", { rateLimit: "10000/1m" });
      keys.outsider = await seed.key("outsider@example.com", "outsider", { rateLimit: "10000/1m" });
    }),
    // No --max-concurrency: the default cap is what is tested.
    sbOk("server", "add", "fixture", "--command", process.execPath, "--arg=--import", "--arg", "tsx", "--arg", FIXTURE, "--arg", definitionsFile, "--cwd", ROOT),
    sbOk("server", "add", "broadcast", "--url", broadcasting.url),
  ]);
  await sbOk("tool", "grant", "fixture__greet", "--email", "member@example.com");
  const hubEnv = { SWITCHBOARD_SECRET_KEY: SECRET_KEY };
  [hubs.alpha, hubs.bravo] = await Promise.all(["alpha", "bravo"].map((instance) => startTestHub({ databaseUrl: database.url, env: { ...hubEnv, SWITCHBOARD_INSTANCE_ID: instance } })));
});

after(async () => {
  for (const stream of streams) stream.close();
  await Promise.all(clients.map((client) => client.close().catch(() => {})));
  await Promise.all([hubs.alpha?.stop(), hubs.bravo?.stop()]);
  await broadcasting?.close();
  await database?.drop();
  rmSync(folder, { recursive: true, force: true });
});

describe("the default per-server concurrency cap", () => {
  test(`${CONCURRENT_SESSIONS} sessions calling one upstream at once are all in flight together (none waits for a slot)`, async () => {
    const sessions = await Promise.all(Array.from({ length: CONCURRENT_SESSIONS }, () => connect(hubs.alpha!, "streamable", keys.admin)));
    const results = await Promise.all(sessions.map((client) => call(client, "fixture__gather", { count: CONCURRENT_SESSIONS, waitMs: 5_000 })));
    assert.deepEqual(results.map(textOf), Array(CONCURRENT_SESSIONS).fill(`gathered ${CONCURRENT_SESSIONS} of ${CONCURRENT_SESSIONS}`));
  });
});

describe("resources/read and prompts/get draw on the key's call limit", () => {
  test("on a 3/1h key a read, a prompt and a tool call pass; the next read and prompt are 429 in the tools/call envelope", async () => {
    const client = await connect(hubs.alpha!, "streamable", keys.limited);
    const forwarded = async () => {
      const text = await (await fetch(`${hubs.alpha!.url}/metrics`, { headers: { Authorization: `Bearer ${keys.admin}` } })).text();
      const count = (method: string) => Number(new RegExp(`^switchboard_upstream_request_duration_seconds_count\\{server="fixture",method="${method}",outcome="ok"\\} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
      return { read: count("resources/read"), prompt: count("prompts/get") };
    };
    const before = await forwarded();
    assert.equal((await client.readResource({ uri: RESOURCE_URI })).contents[0].uri, RESOURCE_URI);
    assert.ok((await client.getPrompt({ name: "fixture__hello" })).messages.length > 0);
    // Each forwarded read and prompt is timed on /metrics, by server and method.
    const afterOne = await forwarded();
    assert.deepEqual({ read: afterOne.read - before.read, prompt: afterOne.prompt - before.prompt }, { read: 1, prompt: 1 });
    assert.equal(textOf(await call(client, "fixture__greet", { name: "Ada" })), 'greet: {"name":"Ada"}');
    const limited = (error: Error & { code?: unknown }) => error.code === 429 && /"code":"rate_limited","message":"Rate limit exceeded: 3 tool calls per 3600 s\./.test(error.message);
    await assert.rejects(client.readResource({ uri: RESOURCE_URI }), limited);
    await assert.rejects(client.getPrompt({ name: "fixture__hello" }), limited);
    // resources/list and prompts/list are not charged (like tools/list).
    assert.ok((await client.listResources()).resources.some((resource) => resource.uri === RESOURCE_URI));

    const sessionId = (client.transport as StreamableHTTPClientTransport).sessionId!;
    for (const [method, params] of [
      ["resources/read", { uri: RESOURCE_URI }],
      ["prompts/get", { name: "fixture__hello" }],
    ] as const) {
      const refused = await fetch(`${hubs.alpha!.url}/mcp`, {
        method: "POST",
        headers: { Authorization: `Bearer ${keys.limited}`, "Content-Type": "application/json", Accept: "application/json, text/event-stream", "Mcp-Session-Id": sessionId, "MCP-Protocol-Version": "2025-11-25" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 9, method, params }),
      });
      assert.equal(refused.status, 429, method);
      assert.ok(Number(refused.headers.get("retry-after")) >= 1, `${method}: Retry-After ${refused.headers.get("retry-after")}`);
      assert.equal(refused.headers.get("ratelimit-limit"), "3", method);
      assert.equal(refused.headers.get("ratelimit-remaining"), "0", method);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, "rate_limited", method);
      assert.match(body.error.message, /^Rate limit exceeded: 3 tool calls per 3600 s\. Retry in \d+ s\.$/, method);
    }
  });
});

describe("an upstream's own resources/prompts list changes reach live sessions on every instance", () => {
  const LISTEN_REVISION = "2026-07-28";
  const meta = { "io.modelcontextprotocol/protocolVersion": LISTEN_REVISION, "io.modelcontextprotocol/clientInfo": { name: "upstream-extras-listen", version: "1" }, "io.modelcontextprotocol/clientCapabilities": {} };

  function listen(hub: TestHub, key: string, id: string): Promise<RawEventStream> {
    return openRawEventStream({
      port: hub.port,
      path: "/mcp",
      headers: { Host: "localhost", "Content-Type": "application/json", Accept: "application/json, text/event-stream", Authorization: `Bearer ${key}`, "MCP-Protocol-Version": LISTEN_REVISION, "Mcp-Method": "subscriptions/listen" },
      body: JSON.stringify({ jsonrpc: "2.0", id, method: "subscriptions/listen", params: { _meta: meta, notifications: { resourcesListChanged: true, promptsListChanged: true, toolsListChanged: true } } }),
    });
  }
  const methodsOf = (stream: RawEventStream) =>
    stream
      .text()
      .split("\n")
      .filter((line) => line.startsWith("data: "))
      .map((line) => (JSON.parse(line.slice(6)) as { method?: string }).method)
      .filter((method) => method === "notifications/resources/list_changed" || method === "notifications/prompts/list_changed");


  test("announced on one instance: admin and granted sessions on both instances hear it, over Streamable, SSE and listen; a principal with no access to the server hears nothing", async () => {
    const alpha = hubs.alpha!;
    const bravo = hubs.bravo!;
    const trigger = await connect(alpha, "streamable", keys.admin);
    const told = {
      alphaStreamable: countListChanges(await connect(alpha, "streamable", keys.admin)),
      alphaMember: countListChanges(await connect(alpha, "streamable", keys.member)),
      bravoSse: countListChanges(await connect(bravo, "sse", keys.admin)),
      bravoMember: countListChanges(await connect(bravo, "streamable", keys.member)),
    };
    const untold = {
      alphaOutsider: countListChanges(await connect(alpha, "streamable", keys.outsider)),
      bravoOutsider: countListChanges(await connect(bravo, "sse", keys.outsider)),
    };
    const adminListen = await listen(bravo, keys.admin, "listen-admin");
    const outsiderListen = await listen(alpha, keys.outsider, "listen-outsider");
    streams.push(adminListen, outsiderListen);

    assert.equal(textOf(await call(trigger, "fixture__announce", { list: "resources" })), "announced resources");
    await eventually("resources/list_changed on every permitted session", async () => Object.values(told).every((seen) => seen.resources >= 1) && methodsOf(adminListen).includes("notifications/resources/list_changed"), 15_000, 50);
    assert.ok(Object.values(told).every((seen) => seen.prompts === 0), `no prompts change yet: ${JSON.stringify(told)}`);

    assert.equal(textOf(await call(trigger, "fixture__announce", { list: "prompts" })), "announced prompts");
    await eventually("prompts/list_changed on every permitted session", async () => Object.values(told).every((seen) => seen.prompts >= 1) && methodsOf(adminListen).includes("notifications/prompts/list_changed"), 15_000, 50);

    // The outsiders' sessions are live (they were opened before), but the server is not theirs.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.deepEqual(untold, { alphaOutsider: { tools: 0, resources: 0, prompts: 0 }, bravoOutsider: { tools: 0, resources: 0, prompts: 0 } });
    assert.deepEqual(methodsOf(outsiderListen), []);
  });
});

describe("a change every instance hears reaches each session once", () => {
  test("a shared remote upstream announces a resources, prompts and tools change to both instances: each session on either hears each once", async () => {
    const alpha = hubs.alpha!;
    const bravo = hubs.bravo!;
    const trigger = await connect(alpha, "streamable", keys.admin);
    const told = {
      alphaStreamable: countListChanges(await connect(alpha, "streamable", keys.admin)),
      alphaSse: countListChanges(await connect(alpha, "sse", keys.admin)),
      bravoStreamable: countListChanges(await connect(bravo, "streamable", keys.admin)),
      bravoSse: countListChanges(await connect(bravo, "sse", keys.admin)),
    };
    for (const list of ["resources", "prompts", "tools"] as const) {
      // Both hubs hold a session on the upstream, so the change is announced to both.
      assert.match(textOf(await call(trigger, "broadcast__change", { list })), new RegExp(`^changed ${list} for [2-9] sessions$`));
      await eventually(`${list}/list_changed on every session`, async () => Object.values(told).every((seen) => seen[list] >= 1), 15_000, 50);
      // The other instance's copy would arrive within its debounce (200 ms) and one list read.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      assert.deepEqual(Object.fromEntries(Object.entries(told).map(([name, seen]) => [name, seen[list]])), { alphaStreamable: 1, alphaSse: 1, bravoStreamable: 1, bravoSse: 1 }, list);
    }
  });
});
