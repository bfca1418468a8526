// Renaming a registered upstream server end to end: PATCH /api/v1/servers/NAME { name } and
// `sb server rename OLD NEW` against the real hub (console build) with server-everything over
// stdio. Its tools move from OLD__TOOL to NEW__TOOL with their grants (per tool and per server),
// keys' tool lists, deprecations and schema history; call logs keep the names that were called.
// A second hub instance (MCP only) on the same database serves the new names to its own live
// sessions, which hear list_changed, and refuses the old ones.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { PromptListChangedNotificationSchema, ResourceListChangedNotificationSchema, ToolListChangedNotificationSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { getPrisma } from "@/lib/db/prisma";
import { Role } from "@/lib/generated/prisma/enums";
import { eventually } from "@/test/helpers/eventually";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { startApiTestEnvironment, type ApiTestEnvironment, type SeededUser } from "@/test/integration/api/api-test-environment";
import { connectHubClient } from "@/test/integration/federation/connect-hub-client";
import { serverAdminCalls } from "@/test/integration/federation/server-admin-calls";
import { toolResultText } from "@/test/integration/federation/tool-result-text";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const EVERYTHING = path.join(ROOT, "node_modules/@modelcontextprotocol/server-everything/dist/index.js");
const SECRET_KEY = "rename-server-test-secret-key-0123456789abcdef";

let env: ApiTestEnvironment;
let carol: SeededUser;
let member: Client;
let narrow: Client;
let admin: Client;
const heard = { tools: 0, resources: 0, prompts: 0 };
/** The second instance, its sessions (a member's and an admin's) and what they heard. */
let second: TestHub;
let memberOnSecond: Client;
let adminOnSecond: Client;
const heardOnSecond = { member: 0, admin: 0 };

const { api, sb } = serverAdminCalls(() => env, SECRET_KEY);
const echo = async (client: Client, name: string) => toolResultText((await client.callTool({ name, arguments: { message: "hi" } })) as CallToolResult);
/** A refused call's result: flagged isError, and the text it gives. */
const refusal = async (client: Client, name: string) => {
  const result = (await client.callTool({ name, arguments: { message: "hi" } })) as CallToolResult;
  return { isError: result.isError, text: toolResultText(result) };
};
/** What a renamed server's old tool name answers to one who may call it under its name now. */
const renamedTo = (old: string, now: string) => ({ isError: true, text: `Unknown tool: ${old} is now ${now} (its server was renamed). Call ${now}, and update any client or script configured with the old name.` });
/** ...and to one who may not: as any tool it may not call, so nothing is learnt of the rename. */
const deniedAs = (name: string) => ({ isError: true, text: `Permission denied: tool ${name} not authorized` });
const upstreamNames = async (client: Client) => (await client.listTools()).tools.map((tool) => tool.name).filter((name) => name.includes("__")).sort();
/** Everything stored about the server's tools, by name: what a refused rename must leave as it was. */
const snapshot = async () => {
  const prisma = getPrisma();
  const [servers, tools, grants, keys] = await Promise.all([
    prisma.upstreamServer.findMany({ select: { name: true }, orderBy: { name: "asc" } }),
    prisma.tool.findMany({ where: { kind: "upstream" }, select: { name: true, replacement: true }, orderBy: { name: "asc" } }),
    prisma.toolGrant.findMany({ select: { toolName: true, role: true }, orderBy: { toolName: "asc" } }),
    prisma.apiKey.findMany({ select: { allowedTools: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return JSON.stringify({ servers, tools, grants, keys });
};

before(async () => {
  env = await startApiTestEnvironment({ SWITCHBOARD_SECRET_KEY: SECRET_KEY, SWITCHBOARD_INSTANCE_ID: "first" });
  second = await startTestHub({ databaseUrl: process.env.DATABASE_URL!, env: { SWITCHBOARD_SECRET_KEY: SECRET_KEY, SWITCHBOARD_INSTANCE_ID: "second" } });
  const added = await Promise.all([
    api("POST", "/api/v1/servers", { json: { name: "alpha", transport: "stdio", command: process.execPath, args: [EVERYTHING] } }),
    api("POST", "/api/v1/servers", { json: { name: "taken", transport: "stdio", command: process.execPath, args: [EVERYTHING] } }),
  ]);
  for (const reply of added) assert.equal(reply.status, 201, JSON.stringify(reply.body));
  // A per-tool grant for every member, a per-server grant for carol, whose key names one tool.
  assert.equal((await api("POST", "/api/v1/tools/alpha__echo/grants", { json: { role: "member" } })).status, 201);
  carol = await env.seedUser("carol@example.test", Role.member, { allowedTools: ["alpha__get-sum", "alpha__echo"] });
  assert.equal((await api("POST", "/api/v1/servers/alpha/grants", { json: { userId: carol.user.id } })).status, 201);
  const deprecated = await api("PATCH", "/api/v1/tools/alpha__get-env", { json: { deprecation: { replacement: "alpha__echo", message: "Use echo." } } });
  assert.equal(deprecated.status, 200, JSON.stringify(deprecated.body));
  [member, narrow, admin, memberOnSecond, adminOnSecond] = await Promise.all([
    connectHubClient(env.hub.url, "streamable", env.member.key, "rename-member"),
    connectHubClient(env.hub.url, "sse", carol.key, "rename-carol"),
    connectHubClient(env.hub.url, "streamable", env.admin.key, "rename-admin"),
    connectHubClient(second.url, "streamable", env.member.key, "rename-member-second"),
    connectHubClient(second.url, "sse", env.admin.key, "rename-admin-second"),
  ]);
  memberOnSecond.setNotificationHandler(ToolListChangedNotificationSchema, () => void (heardOnSecond.member += 1));
  adminOnSecond.setNotificationHandler(ToolListChangedNotificationSchema, () => void (heardOnSecond.admin += 1));
  member.setNotificationHandler(ToolListChangedNotificationSchema, () => void (heard.tools += 1));
  admin.setNotificationHandler(ResourceListChangedNotificationSchema, () => void (heard.resources += 1));
  admin.setNotificationHandler(PromptListChangedNotificationSchema, () => void (heard.prompts += 1));
});

after(async () => {
  await Promise.all([member, narrow, admin, memberOnSecond, adminOnSecond].map((client) => client?.close().catch(() => {})));
  await second?.stop();
  await env?.stop();
});

describe("renaming a server", { timeout: 600_000 }, () => {
  test("PATCH { name } moves the tools, their grants, keys' tool lists and deprecations; live sessions hear it; call logs keep the old name", async () => {
    assert.deepEqual(await upstreamNames(member), ["alpha__echo"]);
    assert.deepEqual(await upstreamNames(narrow), ["alpha__echo", "alpha__get-sum"]);
    assert.equal(await echo(member, "alpha__echo"), "Echo: hi");
    // The second instance serves the server too, over a connection of its own made under the old name.
    assert.deepEqual(await upstreamNames(memberOnSecond), ["alpha__echo"]);
    assert.equal(await echo(memberOnSecond, "alpha__echo"), "Echo: hi");
    const heardOnSecondBefore = { ...heardOnSecond };
    await eventually("the calls to be logged", async () => (await getPrisma().callLog.count({ where: { toolName: "alpha__echo" } })) === 2);
    const revisions = await getPrisma().toolRevision.count({ where: { toolName: "alpha__echo" } });
    const toolCount = await getPrisma().upstreamTool.count({ where: { server: { name: "alpha" } } });

    const renamed = await api("PATCH", "/api/v1/servers/alpha", { json: { name: "beta" } });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal(renamed.body.server.name, "beta");
    assert.deepEqual(renamed.body.renamed, { from: "alpha", to: "beta" });
    assert.equal(renamed.body.tools.length, toolCount);
    assert.ok(renamed.body.tools.every((tool: { from: string; to: string }) => tool.to === tool.from.replace(/^alpha__/, "beta__")));
    assert.equal(renamed.body.keysUpdated, 1);
    assert.equal(renamed.body.replacementsUpdated, 1);

    // Live sessions are told, and list and call the new names only.
    await eventually("the member's session to list the renamed tool", async () => JSON.stringify(await upstreamNames(member)) === JSON.stringify(["beta__echo"]));
    await eventually("tools, resources and prompts list_changed", async () => heard.tools >= 1 && heard.resources >= 1 && heard.prompts >= 1);
    assert.equal(await echo(member, "beta__echo"), "Echo: hi");
    assert.deepEqual(await refusal(member, "alpha__echo"), renamedTo("alpha__echo", "beta__echo"));
    assert.deepEqual(await refusal(admin, "alpha__get-sum"), renamedTo("alpha__get-sum", "beta__get-sum"));
    assert.deepEqual(await refusal(member, "alpha__get-sum"), deniedAs("alpha__get-sum"), "the member may not call beta__get-sum");
    // The second instance: its live sessions hear it, list and call the new names, and refuse the old ones.
    await eventually("the second instance's sessions to hear tools/list_changed", async () => heardOnSecond.member > heardOnSecondBefore.member && heardOnSecond.admin > heardOnSecondBefore.admin);
    await eventually("the second instance to list the renamed tool", async () => JSON.stringify(await upstreamNames(memberOnSecond)) === JSON.stringify(["beta__echo"]));
    assert.ok((await upstreamNames(adminOnSecond)).every((name) => name.startsWith("beta__") || name.startsWith("taken__")), "the admin lists no alpha__ tool on the second instance");
    assert.equal(await echo(memberOnSecond, "beta__echo"), "Echo: hi");
    assert.deepEqual(await refusal(memberOnSecond, "alpha__echo"), renamedTo("alpha__echo", "beta__echo"));
    assert.deepEqual(await refusal(adminOnSecond, "alpha__get-sum"), renamedTo("alpha__get-sum", "beta__get-sum"));
    assert.deepEqual(await refusal(memberOnSecond, "alpha__get-sum"), deniedAs("alpha__get-sum"));
    // Carol's per-server grant and her key's tool list followed.
    assert.deepEqual(await upstreamNames(narrow), ["beta__echo", "beta__get-sum"]);
    assert.equal(toolResultText((await narrow.callTool({ name: "beta__get-sum", arguments: { a: 2, b: 3 } })) as CallToolResult).includes("5"), true);
    const key = await getPrisma().apiKey.findUniqueOrThrow({ where: { id: carol.keyId } });
    assert.deepEqual(key.allowedTools, ["beta__get-sum", "beta__echo"], "order kept");

    // Deprecation, grants and schema history moved with the tools.
    const deprecated = await getPrisma().tool.findUniqueOrThrow({ where: { name: "beta__get-env" } });
    assert.deepEqual([deprecated.deprecationMessage, deprecated.replacement], ["Use echo.", "beta__echo"]);
    assert.deepEqual((await getPrisma().toolGrant.findMany({ select: { toolName: true, role: true } })), [{ toolName: "beta__echo", role: "member" }]);
    assert.equal(await getPrisma().toolRevision.count({ where: { toolName: "beta__echo" } }), revisions);
    assert.equal(await getPrisma().tool.count({ where: { name: { startsWith: "alpha__" } } }), 0);

    // Resources and prompts are served under the new name.
    const resources = (await admin.listResources()).resources.map((resource) => resource.uri).filter((uri) => uri.startsWith("sb-upstream://"));
    assert.ok(resources.some((uri) => uri.startsWith("sb-upstream://beta/")) && !resources.some((uri) => uri.startsWith("sb-upstream://alpha/")), resources.join(", "));
    const prompts = (await admin.listPrompts()).prompts.map((prompt) => prompt.name);
    assert.ok(prompts.some((name) => name.startsWith("beta__")) && !prompts.some((name) => name.startsWith("alpha__")), prompts.join(", "));

    // The call log is history: the old call stays under the name it was made with, the new one is logged as called.
    await eventually("the new call to be logged", async () => (await getPrisma().callLog.count({ where: { toolName: "beta__echo", status: "ok" } })) >= 1);
    assert.equal(await getPrisma().callLog.count({ where: { toolName: "alpha__echo", status: "ok" } }), 2);

    const audit = await getPrisma().auditEvent.findFirstOrThrow({ where: { action: "upstream.rename" } });
    assert.equal(audit.targetId, "beta");
    assert.equal((audit.before as { name: string }).name, "alpha");
    assert.ok((audit.before as { tools: string[] }).tools.includes("alpha__echo"));
    assert.ok((audit.after as { tools: string[] }).tools.includes("beta__echo"));
  });

  test("sb server rename reaches the running hub's sessions (through the hub-event channel)", async () => {
    const result = await sb("server", "rename", "beta", "gamma");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^gamma__echo$/m);
    assert.match(result.stderr, /^Renamed server beta to gamma; its \d+ tool\(s\) are now:$/m);
    await eventually("the member's session to list the renamed tool", async () => JSON.stringify(await upstreamNames(member)) === JSON.stringify(["gamma__echo"]));
    assert.equal(await echo(member, "gamma__echo"), "Echo: hi");
    assert.deepEqual(await upstreamNames(narrow), ["gamma__echo", "gamma__get-sum"]);
    await eventually("the second instance to list the renamed tool", async () => JSON.stringify(await upstreamNames(memberOnSecond)) === JSON.stringify(["gamma__echo"]));
    assert.equal(await echo(memberOnSecond, "gamma__echo"), "Echo: hi");
    // Every old name leads to the latest one.
    assert.deepEqual(await refusal(adminOnSecond, "beta__echo"), renamedTo("beta__echo", "gamma__echo"));
    assert.deepEqual(await refusal(memberOnSecond, "alpha__echo"), renamedTo("alpha__echo", "gamma__echo"));
    // The pool reconnected under the new name: the server row says so.
    await eventually("the renamed server to be connected", async () => (await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name: "gamma" } })).status === "connected");
  });
});

describe("bad renames get one exact error and change nothing", { timeout: 600_000 }, () => {
  const cases: Array<{ name: string; server?: string; member?: true; json: unknown; ifMatch?: string; status: number; code: string; message: string }> = [
    { name: "an unknown server", server: "ghost", json: { name: "spirit" }, status: 404, code: "not_found", message: "No server named ghost; see server list for the registered ones." },
    { name: "a member", member: true, json: { name: "delta" }, status: 403, code: "forbidden", message: "Forbidden: only admin users may do this." },
    { name: "a name with underscores", json: { name: "bad_name" }, status: 422, code: "validation_failed", message: "Invalid request body: name: must be 1-32 lowercase letters, digits or hyphens (no underscores), e.g. github or files-2" },
    { name: "a name too long", json: { name: "x".repeat(33) }, status: 422, code: "validation_failed", message: "Invalid request body: name: must be 1-32 lowercase letters, digits or hyphens (no underscores), e.g. github or files-2" },
    { name: "a name in use", json: { name: "taken" }, status: 409, code: "conflict", message: "A server named taken already exists; choose another name or remove it first (server remove taken)." },
    { name: "the same name", json: { name: "gamma" }, status: 422, code: "validation_failed", message: "Invalid server: name: the server is already named gamma." },
    { name: "a rename with settings", json: { name: "delta", maxConcurrency: 3 }, status: 422, code: "validation_failed", message: "Invalid request body: name: rename the server on its own, then change its settings" },
    { name: "stale settings", json: { name: "delta" }, ifMatch: '"0000000000000000"', status: 409, code: "conflict", message: "Server gamma was changed since these settings were loaded; reload it and make your change again." },
  ];

  test("over the API: exact envelopes", async () => {
    const before = await snapshot();
    for (const entry of cases) {
      const reply = await api("PATCH", `/api/v1/servers/${entry.server ?? "gamma"}`, { json: entry.json, ...(entry.member ? { key: env.member.key } : {}), ...(entry.ifMatch ? { ifMatch: entry.ifMatch } : {}) });
      assert.deepEqual({ status: reply.status, body: reply.body }, { status: entry.status, body: { error: { code: entry.code, message: entry.message } } }, entry.name);
    }
    assert.equal(await snapshot(), before);
    assert.equal(await getPrisma().auditEvent.count({ where: { action: "upstream.rename" } }), 2, "refused renames are not audited");
  });

  test("a name another server's tools already use as their prefix is refused", async () => {
    // A command tool named like an upstream's: the renamed server's tools would share its prefix.
    await getPrisma().tool.create({ data: { name: "zeta__lookalike", version: "1", title: "x", description: "x", inputSchema: {}, schemaHash: "x", kind: "command" } });
    try {
      const reply = await api("PATCH", "/api/v1/servers/gamma", { json: { name: "zeta" } });
      assert.deepEqual({ status: reply.status, body: reply.body }, { status: 409, body: { error: { code: "conflict", message: "The tool zeta__lookalike already uses the prefix zeta__; choose another server name." } } });
    } finally {
      await getPrisma().tool.delete({ where: { name: "zeta__lookalike" } });
    }
  });

  const cli: Array<[string, string[], number, string]> = [
    ["an unknown server", ["ghost", "spirit"], 1, "sb: No server named ghost; see server list for the registered ones."],
    ["a bad name", ["gamma", "Bad_Name"], 1, "sb: Invalid server: name: must be 1-32 lowercase letters, digits or hyphens (no underscores), e.g. github or files-2"],
    ["a name in use", ["gamma", "taken"], 1, "sb: A server named taken already exists; choose another name or remove it first (server remove taken)."],
    ["one argument", ["gamma"], 2, "sb: Expected 2 argument(s), got 1. Usage: sb server rename OLD NEW"],
  ];
  test("from the CLI: one line on stderr, the right exit code", async () => {
    const before = await snapshot();
    const results = await Promise.all(cli.map(([, args]) => sb("server", "rename", ...args)));
    cli.forEach(([label, , code, message], index) => {
      const lines = results[index].stderr.trim().split("\n").filter((line) => line.startsWith("sb:"));
      assert.equal(results[index].code, code, `${label}: ${results[index].stderr}`);
      assert.deepEqual(lines, [message], label);
      assert.equal(results[index].stdout, "", label);
    });
    assert.equal(await snapshot(), before);
  });
});
