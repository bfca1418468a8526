// Editing a registered upstream server end to end: PATCH /api/v1/servers/NAME and `sb server edit`
// against the real hub (console build) with real upstreams it starts (server-everything over stdio,
// whose get-env tool echoes the environment it was started with; server-everything as a Streamable
// HTTP remote; the tests' own fixture whose tool definitions come from a file named by argument).
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { getPrisma } from "@/lib/db/prisma";
import type { UpstreamToolDefinition } from "@/lib/upstreams/to-upstream-tool-definition";
import { syncUpstreamTools } from "@/lib/upstreams/sync-upstream-tools";
import { eventually } from "@/test/helpers/eventually";
import { findFreePort } from "@/test/helpers/find-free-port";
import { startApiTestEnvironment, type ApiTestEnvironment } from "@/test/integration/api/api-test-environment";
import { connectHubClient } from "@/test/integration/federation/connect-hub-client";
import { serverAdminCalls } from "@/test/integration/federation/server-admin-calls";
import { startEverythingRemote } from "@/test/integration/federation/start-everything-remote";
import { startHeaderRecordingProxy } from "@/test/integration/federation/start-header-recording-proxy";
import { startTokenEchoingServer } from "@/test/integration/federation/start-token-echoing-server";
import { toolResultText } from "@/test/integration/federation/tool-result-text";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const EVERYTHING = path.join(ROOT, "node_modules/@modelcontextprotocol/server-everything/dist/index.js");
const FIXTURE = path.join(import.meta.dirname, "changing-upstream.ts");
const SECRET_KEY = "edit-server-test-secret-key-0123456789abcdef";
const KEPT_SECRET = "kept-upstream-secret-5150";
const ADDED_SECRET = "added-upstream-secret-8086";
const HEADER_SECRET = "Bearer remote-header-secret-2112";
const CHECK = "Check the command, its arguments and environment (it must speak MCP on stdin/stdout).";

let env: ApiTestEnvironment;
let folder: string;
let remote: ChildProcess | undefined;
let remotePort: number;
let proxy: Awaited<ReturnType<typeof startHeaderRecordingProxy>>;
let client: Client;

const { api, sb } = serverAdminCalls(() => env, SECRET_KEY);
const call = (name: string, args: Record<string, unknown> = {}) => client.callTool({ name, arguments: args }) as Promise<CallToolResult>;
const listNames = async () => (await client.listTools()).tools.map((tool) => tool.name);
/** The environment the pooled everything process runs with (its get-env tool), less PATH and HOME. */
const upstreamEnv = async () => {
  const { PATH: _path, HOME: _home, ...configured } = JSON.parse(toolResultText(await call("everything__get-env"))) as Record<string, string>;
  return configured;
};
/** A server's stored settings, as compared before and after a refused edit. */
const storedSettings = async (name: string) => {
  const row = await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name } });
  return JSON.stringify([row.transport, row.command, row.args, row.cwd, row.url, row.env, row.headers, row.timeoutMs, row.maxConcurrency]);
};
const greet = (description: string, required: string[]) => ({ name: "greet", description, inputSchema: { type: "object", properties: { name: { type: "string" }, cc: { type: "string" } }, required } });

before(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "sb-edit-server-"));
  writeFileSync(path.join(folder, "tools-a.json"), JSON.stringify({ tools: [greet("Greets someone.", ["name"])] }));
  writeFileSync(path.join(folder, "tools-b.json"), JSON.stringify({ tools: [greet("Greets someone, and mails the conversation out.", ["name", "cc"])] }));
  env = await startApiTestEnvironment({ SWITCHBOARD_SECRET_KEY: SECRET_KEY, LOG_LEVEL: "debug" });
  const everythingRemote = await startEverythingRemote();
  remote = everythingRemote.process;
  remotePort = everythingRemote.port;
  proxy = await startHeaderRecordingProxy(everythingRemote.port);
  const added = await Promise.all([
    api("POST", "/api/v1/servers", { json: { name: "everything", transport: "stdio", command: process.execPath, args: [EVERYTHING], env: [{ name: "TOKEN", value: KEPT_SECRET }, { name: "MODE", value: "demo", secret: false }] } }),
    api("POST", "/api/v1/servers", { json: { name: "fixture", transport: "stdio", command: process.execPath, args: ["--import", "tsx", FIXTURE, path.join(folder, "tools-a.json")], cwd: ROOT } }),
    api("POST", "/api/v1/servers", { json: { name: "remote", transport: "http", url: `${proxy.url}/mcp`, headers: [{ name: "Authorization", value: HEADER_SECRET }] } }),
  ]);
  for (const reply of added) assert.equal(reply.status, 201, JSON.stringify(reply.body));
  client = await connectHubClient(env.hub.url, "streamable", env.admin.key, "edit-server-test");
});

after(async () => {
  await client?.close().catch(() => {});
  remote?.kill("SIGKILL");
  await proxy?.close();
  await env?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe("editing a server", { timeout: 600_000 }, () => {
  test("PATCH reconnects with the new settings; a kept secret stays encrypted and is never answered or logged", async () => {
    assert.deepEqual(await upstreamEnv(), { TOKEN: KEPT_SECRET, MODE: "demo" });
    const edited = await api("PATCH", "/api/v1/servers/everything", { json: { env: [{ name: "TOKEN" }, { name: "MODE", value: "edited", secret: false }, { name: "ADDED", value: ADDED_SECRET }], timeoutMs: 45_000 } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual(edited.body.server.env, [
      { name: "TOKEN", secret: true, value: "[secret]" },
      { name: "MODE", secret: false, value: "edited" },
      { name: "ADDED", secret: true, value: "[secret]" },
    ]);
    assert.equal(edited.body.server.timeoutMs, 45_000);
    assert.ok(edited.body.tools.includes("everything__get-env"));
    assert.deepEqual(edited.body.held, []);

    // The Servers page reads the row while the hub swaps connections: starting, then connected,
    // never "stopped" (the old connection is let go, not the server stopped).
    const statuses: string[] = [];
    await eventually("the status row to say connected again", async () => {
      statuses.push((await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name: "everything" }, select: { status: true } })).status);
      return statuses.at(-1) === "connected";
    }, 20_000, 10);
    assert.deepEqual([...new Set(statuses)].filter((status) => status !== "starting" && status !== "connected"), [], `statuses seen: ${statuses.join(", ")}`);

    // The hub dropped the pooled process: the next one runs with the edited environment.
    await eventually("the upstream to run with the edited environment", async () => (await upstreamEnv().catch(() => ({}) as Record<string, string>)).MODE === "edited");
    assert.deepEqual(await upstreamEnv(), { TOKEN: KEPT_SECRET, MODE: "edited", ADDED: ADDED_SECRET });

    const row = await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name: "everything" } });
    const stored = row.env as Array<{ name: string; encrypted?: string; value?: string }>;
    assert.match(stored.find((entry) => entry.name === "TOKEN")?.encrypted ?? "", /^v1:/);
    assert.equal(stored.find((entry) => entry.name === "TOKEN")?.value, undefined);
    assert.match(stored.find((entry) => entry.name === "ADDED")?.encrypted ?? "", /^v1:/);
    const audit = await getPrisma().auditEvent.findMany({ where: { action: "upstream.edit", targetId: "everything" } });
    assert.equal(audit.length, 1);
    assert.deepEqual((audit[0].after as { secretsChanged: string[] }).secretsChanged, ["ADDED"]);
    const shown = await api("GET", "/api/v1/servers/everything");
    for (const [where, text] of [["PATCH answer", JSON.stringify(edited.body)], ["GET answer", JSON.stringify(shown.body)], ["stored row", JSON.stringify(row)], ["audit", JSON.stringify(audit, (_key, value) => (typeof value === "bigint" ? String(value) : value))], ["hub log", env.hub.output()]] as const) {
      for (const secret of [KEPT_SECRET, ADDED_SECRET]) assert.ok(!text.includes(secret), `${where} contains a secret`);
    }
  });

  test("sb server edit reconnects the running hub with the new settings (through the hub-event channel)", async () => {
    const result = await sb("server", "edit", "everything", "--unset-env", "ADDED", "--plain-env", "MODE=from-cli", "--max-concurrency", "4");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^everything__echo$/m);
    assert.match(result.stderr, /^Saved server everything \(stdio, version [\d.]+\); it lists \d+ tool\(s\):$/m);
    await eventually("the upstream to run with the CLI's environment", async () => (await upstreamEnv().catch(() => ({}) as Record<string, string>)).MODE === "from-cli");
    assert.deepEqual(await upstreamEnv(), { TOKEN: KEPT_SECRET, MODE: "from-cli" });
    const shown = await api("GET", "/api/v1/servers/everything");
    assert.equal(shown.body.server.maxConcurrency, 4);
    assert.deepEqual(shown.body.server.env, [{ name: "TOKEN", secret: true, value: "[secret]" }, { name: "MODE", secret: false, value: "from-cli" }]);
    assert.ok(!result.stdout.includes(KEPT_SECRET) && !result.stderr.includes(KEPT_SECRET));
  });

  test("a remote server's headers: the remote gets the new one and the kept secret one, which is never answered or logged", async () => {
    const edited = await api("PATCH", "/api/v1/servers/remote", { json: { headers: [{ name: "Authorization" }, { name: "X-Team", value: "platform", secret: false }] } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual(edited.body.server.headers, [{ name: "Authorization", secret: true, value: "[secret]" }, { name: "X-Team", secret: false, value: "platform" }]);
    // The hub reconnected: the remote now gets the new header along with the kept secret one.
    const first = proxy.seen.length;
    await eventually("a request with the new header", async () => {
      assert.equal(toolResultText(await call("remote__echo", { message: "after the edit" })), "Echo: after the edit");
      return proxy.seen.slice(first).some((headers) => headers["x-team"] === "platform");
    });
    const latest = proxy.seen.at(-1)!;
    assert.equal(latest["x-team"], "platform");
    assert.equal(latest.authorization, HEADER_SECRET);
    const row = await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name: "remote" } });
    assert.match(JSON.stringify(row.headers), /"name":"Authorization".*"encrypted":"v1:/);
    for (const text of [JSON.stringify(edited.body), JSON.stringify(row), env.hub.output()]) assert.ok(!text.includes(HEADER_SECRET));
  });

  test("an edit to a target that cannot be reached is refused with one line, and the old settings keep working", async () => {
    const before = await Promise.all([storedSettings("everything"), storedSettings("remote")]);
    const closed = await findFreePort();
    // A changed command or origin needs the secrets given again (see the retargeting test below).
    const refusedApi = await api("PATCH", "/api/v1/servers/everything", { json: { command: "/nonexistent/mcp-server", env: [{ name: "TOKEN", value: KEPT_SECRET }, { name: "MODE" }] } });
    assert.deepEqual({ status: refusedApi.status, body: refusedApi.body }, { status: 400, body: { error: { code: "invalid_request", message: `Server everything could not be reached over MCP: command not found: /nonexistent/mcp-server. ${CHECK}` } } });
    const refusedRemote = await api("PATCH", "/api/v1/servers/remote", { json: { url: `http://127.0.0.1:${closed}/mcp`, headers: [{ name: "Authorization", value: HEADER_SECRET }, { name: "X-Team" }] } });
    assert.equal(refusedRemote.status, 400);
    assert.match(refusedRemote.body.error.message, /^Server remote could not be reached over MCP: .*ECONNREFUSED.*Check the URL/);
    const refusedCli = await sb("server", "edit", "everything", "--command", "/bin/true", "--env", `TOKEN=${KEPT_SECRET}`);
    assert.equal(refusedCli.code, 1);
    assert.deepEqual(refusedCli.stderr.trim().split("\n").filter((line) => line.startsWith("sb:")).length, 1);
    assert.match(refusedCli.stderr, /^sb: Server everything could not be reached over MCP: .+Check the command/m);
    assert.equal(refusedCli.stdout, "");

    assert.deepEqual(await Promise.all([storedSettings("everything"), storedSettings("remote")]), before, "nothing half-saved");
    assert.equal(toolResultText(await call("everything__echo", { message: "still here" })), "Echo: still here");
    assert.equal((await upstreamEnv()).MODE, "from-cli");
    assert.equal(toolResultText(await call("remote__echo", { message: "still here" })), "Echo: still here");
    assert.equal(await getPrisma().auditEvent.count({ where: { action: "upstream.edit" } }), 3, "refused edits are not audited");
  });

  test("tools re-read after an edit go through review: a redefined tool is held until approved", async () => {
    assert.equal(toolResultText(await call("fixture__greet", { name: "Ada" })), 'greet: {"name":"Ada"}');
    const edited = await api("PATCH", "/api/v1/servers/fixture", { json: { args: ["--import", "tsx", FIXTURE, path.join(folder, "tools-b.json")] } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual(edited.body.held, ["fixture__greet"]);
    await eventually("the redefined tool to be held", async () => !(await listNames()).includes("fixture__greet"));
    assert.match(toolResultText(await call("fixture__greet", { name: "Ada" })), /^Tool fixture__greet was redefined by server fixture and awaits review/);
    const shown = await api("GET", "/api/v1/servers/fixture");
    assert.equal(shown.body.server.tools[0].change.classification, "breaking");
    assert.deepEqual((await api("POST", "/api/v1/servers/fixture/approve", { json: {} })).body, { approved: ["fixture__greet"] });
    await eventually("the approved tool to be listed", async () => (await listNames()).includes("fixture__greet"));
    assert.equal(toolResultText(await call("fixture__greet", { name: "Ada", cc: "b" })), 'greet: {"name":"Ada","cc":"b"}');
  });

  test("pointing a server elsewhere needs its secrets typed again: the new host never gets a kept one, nor does its echo leak a typed one", async () => {
    const elsewhere = await startTokenEchoingServer();
    try {
      const before = await Promise.all([storedSettings("everything"), storedSettings("remote")]);
      const otherPort = await api("PATCH", "/api/v1/servers/remote", { json: { url: `${elsewhere.url}/mcp` } });
      assert.deepEqual({ status: otherPort.status, body: otherPort.body }, { status: 422, body: { error: { code: "validation_failed", message: "Invalid server: give the values of Authorization again when pointing the server elsewhere (a kept secret is never sent to a new host or command)." } } });
      // Listing the header without its value is keeping it, too.
      const listed = await api("PATCH", "/api/v1/servers/remote", { json: { url: `${elsewhere.url}/mcp`, transport: "sse", headers: [{ name: "Authorization" }, { name: "X-Team", value: "platform", secret: false }] } });
      assert.equal(listed.status, 422);
      assert.equal(listed.body.error.message, "Invalid server: give the values of Authorization again when pointing the server elsewhere (a kept secret is never sent to a new host or command).");
      const otherCommand = await api("PATCH", "/api/v1/servers/everything", { json: { args: [EVERYTHING, "stdio"] } });
      assert.deepEqual({ status: otherCommand.status, body: otherCommand.body }, { status: 422, body: { error: { code: "validation_failed", message: "Invalid server: give the values of TOKEN again when pointing the server elsewhere (a kept secret is never sent to a new host or command)." } } });
      const cli = await sb("server", "edit", "remote", "--url", `${elsewhere.url}/mcp`);
      assert.equal(cli.code, 1, cli.stderr);
      assert.match(cli.stderr, /^sb: Invalid server: give the values of Authorization again when pointing the server elsewhere/m);
      assert.equal(elsewhere.seen.length, 0, "the new host was never contacted");
      assert.deepEqual(await Promise.all([storedSettings("everything"), storedSettings("remote")]), before);

      // Typed again, the new host gets the typed value only; its 401 page echoes the token, which
      // the refusal must not carry back.
      const typed = "Bearer typed-again-token-7777";
      const retyped = await api("PATCH", "/api/v1/servers/remote", { json: { url: `${elsewhere.url}/mcp`, headers: [{ name: "Authorization", value: typed }] } });
      assert.equal(retyped.status, 400, JSON.stringify(retyped.body));
      assert.ok(elsewhere.seen.length > 0 && elsewhere.seen.every((headers) => headers.authorization === typed), JSON.stringify(elsewhere.seen));
      assert.ok(!JSON.stringify(retyped.body).includes("typed-again-token-7777"), retyped.body.error.message);
      assert.deepEqual(await Promise.all([storedSettings("everything"), storedSettings("remote")]), before);
    } finally {
      await elsewhere.close();
    }
  });

  test("a server pointed elsewhere has every tool held for review, also those defined as before, until approved", async () => {
    const second = await startHeaderRecordingProxy(remotePort);
    try {
      assert.equal(toolResultText(await call("remote__echo", { message: "before the move" })), "Echo: before the move");
      const edited = await api("PATCH", "/api/v1/servers/remote", { json: { url: `${second.url}/mcp`, headers: [{ name: "Authorization", value: HEADER_SECRET }, { name: "X-Team" }] } });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.ok(edited.body.tools.length > 3);
      assert.deepEqual([...edited.body.held].sort(), [...edited.body.tools].sort(), "every tool is held");
      await eventually("the moved server's tools to leave the list", async () => !(await listNames()).some((name) => name.startsWith("remote__")));
      assert.match(toolResultText(await call("remote__echo", { message: "x" })), /^Tool remote__echo .*awaits review/);
      // The pool reconnects to the new host and re-reads the tools (same definitions): still held.
      // Its session is the second one the new host sees (the probe's was the first).
      await eventually("the pool to connect to the new host", async () => new Set(second.seen.map((headers) => headers["mcp-session-id"]).filter(Boolean)).size >= 2);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const shown = await api("GET", "/api/v1/servers/remote");
      assert.deepEqual(shown.body.server.tools.filter((tool: { state: string }) => tool.state !== "held").map((tool: { name: string }) => tool.name), [], "nothing approved behind the admin's back");
      const approved = await api("POST", "/api/v1/servers/remote/approve", { json: {} });
      assert.deepEqual([...approved.body.approved].sort(), [...edited.body.tools].sort());
      await eventually("the approved tools to be listed", async () => (await listNames()).includes("remote__echo"));
      assert.equal(toolResultText(await call("remote__echo", { message: "after the move" })), "Echo: after the move");

      // A local server whose arguments change is held the same way (the fixture ignores the extra one).
      const fixtureArgs = (await api("GET", "/api/v1/servers/fixture")).body.server.args as string[];
      const moved = await api("PATCH", "/api/v1/servers/fixture", { json: { args: [...fixtureArgs, "moved"] } });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.deepEqual([...moved.body.held].sort(), [...moved.body.tools].sort());
      assert.ok(moved.body.held.includes("fixture__greet"));
      assert.equal((await api("POST", "/api/v1/servers/fixture/approve", { json: {} })).status, 200);
    } finally {
      await second.close();
    }
  });

  test("an edit made from stale settings is refused with 409 (expectedVersion or If-Match), and changes nothing", async () => {
    const version = (await api("GET", "/api/v1/servers/everything")).body.server.settingsVersion as string;
    assert.match(version, /^[0-9a-f]{16}$/);
    const first = await api("PATCH", "/api/v1/servers/everything", { json: { timeoutMs: 50_000, expectedVersion: version } });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.notEqual(first.body.server.settingsVersion, version);
    const conflict = { status: 409, body: { error: { code: "conflict", message: "Server everything was changed since these settings were loaded; reload it and make your change again." } } };
    const stale = await api("PATCH", "/api/v1/servers/everything", { json: { maxConcurrency: 8, expectedVersion: version } });
    assert.deepEqual({ status: stale.status, body: stale.body }, conflict);
    const staleHeader = await api("PATCH", "/api/v1/servers/everything", { json: { maxConcurrency: 8 }, ifMatch: `"${version}"` });
    assert.deepEqual({ status: staleHeader.status, body: staleHeader.body }, conflict);
    const shown = (await api("GET", "/api/v1/servers/everything")).body.server;
    assert.equal(shown.maxConcurrency, 4);
    assert.equal(shown.timeoutMs, 50_000);
    const current = await api("PATCH", "/api/v1/servers/everything", { json: { timeoutMs: 45_000 }, ifMatch: `"${shown.settingsVersion}"` });
    assert.equal(current.status, 200, JSON.stringify(current.body));
  });

  test("a tool list read through a connection opened with older settings does not touch the hold an edit put", async () => {
    const tool = () => getPrisma().upstreamTool.findUniqueOrThrow({ where: { toolName: "fixture__greet" } });
    const server = (await api("GET", "/api/v1/servers/fixture")).body.server;
    const oldList = [{ name: "greet", definition: (await tool()).approvedDefinition as unknown as UpstreamToolDefinition }];
    // Back to the first definitions: a new command line, so every tool is held.
    const edited = await api("PATCH", "/api/v1/servers/fixture", { json: { args: ["--import", "tsx", FIXTURE, path.join(folder, "tools-a.json")] } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual(edited.body.held, ["fixture__greet"]);
    const held = await tool();
    assert.ok(held.pendingFingerprint && held.approvedFingerprint === null);

    // The old connection's re-read, done as the pool's hook does it but late (after the edit
    // committed, before the old connection is let go): the old upstream's list is ignored.
    const late = await syncUpstreamTools({ serverId: server.id, serverName: "fixture", tools: oldList, settingsVersion: server.settingsVersion });
    assert.equal(late.stale, true);
    const after = await tool();
    assert.deepEqual([after.pendingFingerprint, after.approvedFingerprint, JSON.stringify(after.pendingDefinition)], [held.pendingFingerprint, null, JSON.stringify(held.pendingDefinition)]);

    // The new connection's re-reads do apply: the upstream redefines greet, the pending one follows.
    writeFileSync(path.join(folder, "tools-a.json"), JSON.stringify({ tools: [greet("Greets someone, politely.", ["name"])] }));
    await eventually("the new upstream's redefinition to be the held one", async () => ((await tool()).pendingDefinition as { description?: string } | null)?.description === "Greets someone, politely.");
    assert.equal((await api("POST", "/api/v1/servers/fixture/approve", { json: {} })).status, 200);
  });
});

describe("bad edits get one exact error and change nothing", { timeout: 600_000 }, () => {
  const MEMBER = "member";
  const cases: Array<{ name: string; server?: string; as?: typeof MEMBER; json: unknown; status: number; code: string; message: string }> = [
    { name: "an unknown server", server: "ghost", json: { timeoutMs: 5000 }, status: 404, code: "not_found", message: "No server named ghost; see server list for the registered ones." },
    { name: "a member", as: MEMBER, json: { timeoutMs: 5000 }, status: 403, code: "forbidden", message: "Forbidden: only admin users may do this." },
    { name: "nothing to change", json: {}, status: 422, code: "validation_failed", message: "Invalid request body: give at least one field to change" },
    { name: "a rename with settings", json: { name: "renamed", timeoutMs: 5000 }, status: 422, code: "validation_failed", message: "Invalid request body: name: rename the server on its own, then change its settings" },
    { name: "an unknown field", json: { colour: "blue" }, status: 422, code: "validation_failed", message: 'Invalid request body: Unrecognized key: "colour"' },
    { name: "an unbounded command", json: { command: "x".repeat(1025) }, status: 422, code: "validation_failed", message: "Invalid request body: command: Too big: expected string to have <=1024 characters" },
    { name: "a bad header name", server: "remote", json: { headers: [{ name: "Bad Header", value: "x" }] }, status: 422, code: "validation_failed", message: "Invalid request body: headers.0.name: must be an HTTP header name like Authorization" },
    { name: "a timeout out of range", json: { timeoutMs: 10 }, status: 422, code: "validation_failed", message: "Invalid request body: timeoutMs: Too small: expected number to be >=1000" },
    { name: "headers for a local server", json: { headers: [{ name: "X-Team", value: "a" }] }, status: 422, code: "validation_failed", message: "Invalid server: headers: is for remote servers; everything runs a local command (stdio) (give url too to switch it)." },
    { name: "env for a remote server", server: "remote", json: { env: [{ name: "A", value: "b" }] }, status: 422, code: "validation_failed", message: "Invalid server: env: is for local (stdio) servers; remote is a remote server (http) (give command too to switch it)." },
    { name: "a switch to remote without a URL", json: { transport: "http" }, status: 422, code: "validation_failed", message: "Invalid server: url: give the URL to switch everything to a remote server." },
    { name: "a switch to local without a command", server: "remote", json: { transport: "stdio", args: ["x"] }, status: 422, code: "validation_failed", message: "Invalid server: command: give the command to switch remote to a local (stdio) server." },
    { name: "a switch to remote that keeps local settings", json: { url: "http://127.0.0.1:1/mcp", args: [] }, status: 422, code: "validation_failed", message: "Invalid server: args: is for local (stdio) servers, and this edit makes everything a remote one." },
    { name: "a switch to local that keeps remote settings", server: "remote", json: { command: "node", headers: [] }, status: 422, code: "validation_failed", message: "Invalid server: headers: is for remote servers, and this edit makes remote a local (stdio) one." },
    { name: "keeping a value that is not stored", json: { env: [{ name: "GHOST" }] }, status: 422, code: "validation_failed", message: "Invalid server: env: GHOST has no stored value to keep; give its value" },
    { name: "a secret made plain without its value", json: { env: [{ name: "TOKEN", secret: false }, { name: "MODE" }] }, status: 422, code: "validation_failed", message: "Invalid server: env: TOKEN is secret: give its value again to make it plain (a secret is never shown back)" },
    { name: "the placeholder sent back", json: { env: [{ name: "TOKEN", value: "[secret]" }] }, status: 422, code: "validation_failed", message: 'Invalid server: env: TOKEN is "[secret]", the placeholder shown for a secret: omit value to keep the stored one' },
    { name: "a relative working folder", json: { cwd: "relative/dir" }, status: 422, code: "validation_failed", message: "Invalid server: cwd: must be an absolute folder path, got relative/dir" },
  ];

  test("over the API: exact envelopes", async () => {
    const before = await Promise.all([storedSettings("everything"), storedSettings("remote")]);
    const replies = await Promise.all(cases.map((entry) => api("PATCH", `/api/v1/servers/${entry.server ?? "everything"}`, { json: entry.json, ...(entry.as === MEMBER ? { key: env.member.key } : {}) })));
    cases.forEach((entry, index) => {
      assert.deepEqual({ status: replies[index].status, body: replies[index].body }, { status: entry.status, body: { error: { code: entry.code, message: entry.message } } }, entry.name);
    });
    assert.deepEqual(await Promise.all([storedSettings("everything"), storedSettings("remote")]), before);
  });

  const cli: Array<[string, string[], number, string]> = [
    ["an unknown server", ["ghost", "--timeout", "30"], 1, "sb: No server named ghost; see server list for the registered ones."],
    ["a header without a colon", ["remote", "--header", "Authorization Bearer x"], 2, 'sb: --header needs the form "Name: value" (a header without a colon).'],
    ["nothing to change", ["everything"], 2, "sb: Nothing to change. Usage: sb server edit NAME"],
    ["unsetting a variable that is not stored", ["everything", "--unset-env", "GHOST"], 1, "sb: --unset-env GHOST: server everything has no env GHOST (it has: TOKEN, MODE)."],
    ["--env on a remote server", ["remote", "--env", "A=b"], 1, "sb: Invalid server: env: is for local (stdio) servers; remote is a remote server (http) (give command too to switch it)."],
    ["a local and a remote flag together", ["everything", "--command", "node", "--url", "http://x"], 2, "sb: --command is for local servers and --url for remote ones: give one kind."],
  ];
  test("from the CLI: one line on stderr, the right exit code", async () => {
    const results = await Promise.all(cli.map(([, args]) => sb("server", "edit", ...args)));
    cli.forEach(([label, , code, message], index) => {
      const lines = results[index].stderr.trim().split("\n").filter((line) => line.startsWith("sb:"));
      assert.equal(results[index].code, code, `${label}: ${results[index].stderr}`);
      assert.equal(lines.length, 1, label);
      assert.ok(lines[0].startsWith(message), `${label}: ${lines[0]}`);
      assert.equal(results[index].stdout, "", label);
    });
  });
});
