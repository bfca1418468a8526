// resources/read and prompts/get forwarded to an upstream are in the call log like tool calls
// (issue 10): server (in the name), user and key, session, client, duration, sizes and outcome,
// refused and rate-limited ones too, over a 2025 session and the 2026-07-28 stateless era; the
// dashboards' per-tool figures and "who still calls it" count tool calls only; the API names each
// call's server and filters by it (?server=). Real hub (with the console, for the API), real
// Postgres, server-everything (which has resources and prompts) as the upstream over stdio.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { Client as ClientV2, StreamableHTTPClientTransport as StreamableV2 } from "@modelcontextprotocol/client";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { rollUpCallLogs } from "@/lib/call-log/roll-up-call-logs";
import { listDeprecatedToolCallers } from "@/lib/console/tools/list-deprecated-tool-callers";
import { getPrisma } from "@/lib/db/prisma";
import type { CallLog } from "@/lib/generated/prisma/client";
import { getToolUsageStats } from "@/lib/usage/get-tool-usage-stats";
import { listCallLogs } from "@/lib/usage/list-call-logs";
import { eventually } from "@/test/helpers/eventually";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { startApiTestHub, type ApiTestHub } from "@/test/integration/api/start-api-test-hub";
import { runSb } from "@/test/integration/cli/run-sb";
import { connectHubClient } from "@/test/integration/federation/connect-hub-client";

const EVERYTHING = path.resolve(import.meta.dirname, "../../../node_modules/@modelcontextprotocol/server-everything/dist/index.js");
const SECRET_KEY = "call-log-reads-test-secret-key-0123456789abcdef";
const PROMPT = "everything__simple-prompt";

let database: TestDatabase;
let hub: ApiTestHub;
let session: Client;
const keys = { admin: "", member: "", limited: "" };
let resourceUri = "";
const startedAt = new Date();

const sbOk = async (...args: string[]) => {
  const result = await runSb(args, { DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: SECRET_KEY });
  assert.equal(result.code, 0, `sb ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
};
/** The call log's rows of one kind for one name, oldest first, once `count` of them are stored. */
const rowsOf = async (kind: CallLog["kind"], toolName: string, count: number) => {
  let rows: CallLog[] = [];
  await eventually(`${count} ${kind} row(s) for ${toolName}`, async () => (rows = await getPrisma().callLog.findMany({ where: { kind, toolName }, orderBy: { id: "asc" } })).length >= count);
  return rows;
};

before(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await seedAccounts(database.url, async (seed) => {
    await seed.user("admin@example.com", "admin");
    await seed.user("member@example.com");
    keys.admin = await seed.key("admin@example.com", "admin", { rateLimit: "10000/1m" });
    keys.limited = await seed.key("admin@example.com", "limited", { rateLimit: "2/1h" });
    keys.member = await seed.key("member@example.com", "member", { rateLimit: "10000/1m" });
  });
  // With the console on (its route handlers serve /api/v1), from the API tests' build.
  hub = await startApiTestHub({ databaseUrl: database.url, env: { SWITCHBOARD_SECRET_KEY: SECRET_KEY, LOG_LEVEL: "debug" } });
  await sbOk("server", "add", "everything", "--command", process.execPath, "--arg", EVERYTHING);
  session = await connectHubClient(hub.url, "streamable", keys.admin, "call-log-session");
  const { resources } = await session.listResources();
  resourceUri = resources.find((resource) => resource.uri.startsWith("sb-upstream://everything/") && resource.mimeType?.startsWith("text/"))?.uri ?? "";
  assert.ok(resourceUri, `a text resource among ${resources.map((resource) => resource.uri).slice(0, 5).join(", ")}`);
});

after(async () => {
  await session?.close().catch(() => {});
  await hub?.stop();
  await database?.drop();
});

describe("resource reads and prompt gets in the call log", { timeout: 300_000 }, () => {
  test("a session's read and get: who, which server's what, how long, how big, ok", async () => {
    const read = await session.readResource({ uri: resourceUri });
    const text = read.contents.map((content) => ("text" in content ? String(content.text) : "")).join("");
    const prompt = await session.getPrompt({ name: PROMPT });
    const admin = await getPrisma().apiKey.findFirstOrThrow({ where: { name: "admin" } });
    const sessionId = (session.transport as { sessionId?: string }).sessionId;
    for (const [kind, name, resultBytes] of [["resource", resourceUri, Buffer.byteLength(text)], ["prompt", PROMPT, Buffer.byteLength(JSON.stringify(prompt.messages))]] as const) {
      const [row] = await rowsOf(kind, name, 1);
      assert.deepEqual(
        { status: row.status, errorCode: row.errorCode, userId: row.userId, apiKeyId: row.apiKeyId, keyPrefix: row.keyPrefix, sessionId: row.sessionId, transport: row.transport, clientName: row.clientName, resultBytes: row.resultBytes },
        { status: "ok", errorCode: null, userId: admin.userId, apiKeyId: admin.id, keyPrefix: admin.prefix, sessionId, transport: "streamable", clientName: "call-log-session", resultBytes },
        kind,
      );
      assert.ok(row.durationMs > 0 && row.requestBytes > 0, `${kind}: ${row.durationMs} ms, ${row.requestBytes} bytes`);
    }
    assert.match(hub.output(), /"event":"resource_read_success"/);
    assert.match(hub.output(), /"event":"prompt_get_success"/);
  });

  test("a stateless (2026-07-28) read and get are logged without a session", async () => {
    const modern = new ClientV2({ name: "call-log-modern", version: "2.4.0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
    await modern.connect(new StreamableV2(new URL(`${hub.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${keys.admin}` } } }));
    try {
      await modern.readResource({ uri: resourceUri });
      await modern.getPrompt({ name: PROMPT });
    } finally {
      await modern.close();
    }
    for (const [kind, name] of [["resource", resourceUri], ["prompt", PROMPT]] as const) {
      const row = (await rowsOf(kind, name, 2)).at(-1)!;
      assert.deepEqual([row.status, row.sessionId, row.clientName, row.clientVersion], ["ok", null, "call-log-modern", "2.4.0"], kind);
    }
  });

  test("refused ones too: an unknown or invisible target (invalid, not_found), and over the key's limit (rate_limited)", async () => {
    const member = await connectHubClient(hub.url, "streamable", keys.member, "call-log-member");
    const limited = await connectHubClient(hub.url, "streamable", keys.limited, "call-log-limited");
    try {
      await assert.rejects(member.readResource({ uri: resourceUri }), /Unknown resource/);
      await assert.rejects(member.getPrompt({ name: PROMPT }), /Unknown prompt/);
      await limited.readResource({ uri: resourceUri });
      await limited.getPrompt({ name: PROMPT });
      await assert.rejects(limited.readResource({ uri: resourceUri }), (error: Error & { code?: unknown }) => error.code === 429);
      await assert.rejects(limited.getPrompt({ name: PROMPT }), (error: Error & { code?: unknown }) => error.code === 429);
    } finally {
      await Promise.all([member.close(), limited.close()]);
    }
    const memberKey = await getPrisma().apiKey.findFirstOrThrow({ where: { name: "member" } });
    const limitedKey = await getPrisma().apiKey.findFirstOrThrow({ where: { name: "limited" } });
    for (const [kind, name] of [["resource", resourceUri], ["prompt", PROMPT]] as const) {
      const rows = await rowsOf(kind, name, 5);
      const outcomes = (keyId: string) => rows.filter((row) => row.apiKeyId === keyId).map((row) => [row.status, row.errorCode]);
      assert.deepEqual(outcomes(memberKey.id), [["invalid", "not_found"]], kind);
      assert.deepEqual(outcomes(limitedKey.id), [["ok", null], ["rate_limited", "rate_limited"]], kind);
    }
    // The console's call log (and GET /api/v1/usage/calls) can show just these.
    const prompts = await listCallLogs({ kind: "prompt", limit: 50 });
    assert.ok(prompts.entries.length === 5 && prompts.entries.every((entry) => entry.kind === "prompt" && entry.toolName === PROMPT));
  });

  test("the dashboards' per-tool figures and who still calls a tool count tool calls only", async () => {
    const called = await session.callTool({ name: "everything__echo", arguments: { message: "counted" } });
    assert.ok(!called.isError);
    await rowsOf("tool", "everything__echo", 1);
    await rollUpCallLogs({ from: new Date(startedAt.getTime() - 60_000), to: new Date(Date.now() + 120_000) });
    const stats = await getToolUsageStats({ range: "1h" });
    assert.deepEqual(stats.map((row) => [row.toolName, row.calls]), [["everything__echo", 1]]);
    assert.deepEqual((await getToolUsageStats({ range: "1h" }, { groupBy: "server" })).map((row) => [row.toolName, row.calls]), [["everything", 1]]);
    const callers = await listDeprecatedToolCallers([PROMPT, "everything__echo"]);
    assert.equal(callers.get(PROMPT), undefined, "a prompt of the name is not a caller of a tool");
    assert.equal(callers.get("everything__echo")?.[0].calls, 1);
  });

  test("GET /api/v1/usage/calls names each call's server (from the catalogue; none for the hub's own) and ?server= narrows to one server's tool calls, reads and gets", async () => {
    const builtin = await session.callTool({ name: "echo", arguments: { message: "the hub's own" } });
    assert.ok(!builtin.isError);
    await rowsOf("tool", "echo", 1);
    // A server whose NAME__ is a LIKE pattern matching everything's prompts ("every" + "th" + "ing__…")
    // if the prefix were not escaped; it needs no connection to be a filter value.
    await getPrisma().upstreamServer.create({ data: { name: "every", transport: "stdio", command: "/bin/true" } });
    const page = async (query: string) => {
      const response = await fetch(`${hub.url}/api/v1/usage/calls${query}`, { headers: { Authorization: `Bearer ${keys.admin}` } });
      assert.equal(response.status, 200, query);
      return ((await response.json()) as { entries: Array<{ kind: string; toolName: string; server: string | null }>; nextCursor: string | null });
    };
    const all = await page("?limit=200");
    const serverOf = (kind: string, toolName: string) => all.entries.find((entry) => entry.kind === kind && entry.toolName === toolName)?.server;
    assert.equal(serverOf("tool", "echo"), null, "a built-in tool has no server");
    assert.equal(serverOf("tool", "everything__echo"), "everything");
    assert.equal(serverOf("resource", resourceUri), "everything");
    assert.equal(serverOf("prompt", PROMPT), "everything");

    const everything = await page("?server=everything&limit=200");
    assert.deepEqual(
      everything.entries.map((entry) => `${entry.kind} ${entry.toolName}`).toSorted(),
      all.entries.filter((entry) => entry.toolName !== "echo").map((entry) => `${entry.kind} ${entry.toolName}`).toSorted(),
      "every call but the built-in one",
    );
    assert.ok(everything.entries.every((entry) => entry.server === "everything"));
    assert.deepEqual(new Set(everything.entries.map((entry) => entry.kind)), new Set(["tool", "resource", "prompt"]));
    assert.deepEqual((await page("?server=everything&kind=prompt&limit=200")).entries.map((entry) => entry.toolName), Array(5).fill(PROMPT));
    assert.deepEqual(await page("?server=every"), { entries: [], nextCursor: null }, "another server's prompts are not this one's");
    assert.deepEqual(await page("?server=ghost"), { entries: [], nextCursor: null }, "an unknown server is an empty page, not an error");
  });
});
