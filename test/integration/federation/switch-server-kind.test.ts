// Switching a registered server between a local command (stdio) and a remote URL by an edit, end to
// end against the real hub (console build): PATCH /api/v1/servers/NAME and `sb server edit`, with
// server-everything over stdio (its get-env tool echoes the environment it runs with) and as a
// Streamable HTTP remote behind a proxy that records every request's headers.
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { getPrisma } from "@/lib/db/prisma";
import { eventually } from "@/test/helpers/eventually";
import { findFreePort } from "@/test/helpers/find-free-port";
import { startApiTestEnvironment, type ApiTestEnvironment } from "@/test/integration/api/api-test-environment";
import { connectHubClient } from "@/test/integration/federation/connect-hub-client";
import { serverAdminCalls } from "@/test/integration/federation/server-admin-calls";
import { startEverythingRemote } from "@/test/integration/federation/start-everything-remote";
import { startHeaderRecordingProxy } from "@/test/integration/federation/start-header-recording-proxy";
import { toolResultText } from "@/test/integration/federation/tool-result-text";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const EVERYTHING = path.join(ROOT, "node_modules/@modelcontextprotocol/server-everything/dist/index.js");
const SECRET_KEY = "switch-kind-test-secret-key-0123456789abcdef";
const LOCAL_SECRET = "local-only-secret-4242";
const REMOTE_SECRET = "Bearer remote-only-secret-1337";

let env: ApiTestEnvironment;
let remote: ChildProcess | undefined;
let proxy: Awaited<ReturnType<typeof startHeaderRecordingProxy>>;
let client: Client;

const { api, sb } = serverAdminCalls(() => env, SECRET_KEY);
const call = (name: string, args: Record<string, unknown> = {}) => client.callTool({ name, arguments: args }) as Promise<CallToolResult>;
const listNames = async () => (await client.listTools()).tools.map((tool) => tool.name);
const storedRow = () => getPrisma().upstreamServer.findUniqueOrThrow({ where: { name: "flip" } });
const storedSettings = async () => {
  const row = await storedRow();
  return JSON.stringify([row.transport, row.command, row.args, row.cwd, row.url, row.env, row.headers]);
};
/** Every tool of the server is held after a switch: approve them and wait until they are listed. */
const approveAll = async () => {
  assert.equal((await api("POST", "/api/v1/servers/flip/approve", { json: {} })).status, 200);
  await eventually("the approved tools to be listed", async () => (await listNames()).includes("flip__echo"));
};

before(async () => {
  env = await startApiTestEnvironment({ SWITCHBOARD_SECRET_KEY: SECRET_KEY, LOG_LEVEL: "debug" });
  const everythingRemote = await startEverythingRemote();
  remote = everythingRemote.process;
  proxy = await startHeaderRecordingProxy(everythingRemote.port);
  const added = await api("POST", "/api/v1/servers", { json: { name: "flip", transport: "stdio", command: process.execPath, args: [EVERYTHING], env: [{ name: "TOKEN", value: LOCAL_SECRET }, { name: "MODE", value: "local", secret: false }] } });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  client = await connectHubClient(env.hub.url, "streamable", env.admin.key, "switch-kind-test");
});

after(async () => {
  await client?.close().catch(() => {});
  remote?.kill("SIGKILL");
  await proxy?.close();
  await env?.stop();
});

describe("switching a server's kind", { timeout: 600_000 }, () => {
  test("a switch to a target that cannot be reached is one line, and nothing is saved", async () => {
    const before = await storedSettings();
    const closed = await findFreePort();
    const refused = await api("PATCH", "/api/v1/servers/flip", { json: { url: `http://127.0.0.1:${closed}/mcp` } });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, "invalid_request");
    assert.match(refused.body.error.message, /^Server flip could not be reached over MCP: .*ECONNREFUSED.*Check the URL/);
    assert.doesNotMatch(refused.body.error.message, /\n/);
    const cli = await sb("server", "edit", "flip", "--url", `http://127.0.0.1:${closed}/mcp`, "--transport", "sse");
    assert.equal(cli.code, 1, cli.stderr);
    assert.deepEqual(cli.stderr.trim().split("\n").filter((line) => line.startsWith("sb:")).length, 1);
    assert.match(cli.stderr, /^sb: Server flip could not be reached over MCP: .+Check the URL/m);
    assert.equal(cli.stdout, "");
    assert.equal(await storedSettings(), before, "nothing half-saved");
    assert.equal(await getPrisma().auditEvent.count({ where: { action: "upstream.edit" } }), 0);
    assert.equal(JSON.parse(toolResultText(await call("flip__get-env"))).TOKEN, LOCAL_SECRET, "the local server still runs as before");
  });

  test("local to remote over PATCH: the command and environment are dropped, the remote never gets a local secret, every tool is held", async () => {
    const edited = await api("PATCH", "/api/v1/servers/flip", { json: { url: `${proxy.url}/mcp`, transport: "http", headers: [{ name: "Authorization", value: REMOTE_SECRET }, { name: "X-Team", value: "platform", secret: false }] } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const server = edited.body.server;
    assert.deepEqual([server.transport, server.command, server.args, server.cwd, server.url, server.env], ["http", null, [], null, `${proxy.url}/mcp`, []]);
    assert.deepEqual(server.headers, [{ name: "Authorization", secret: true, value: "[secret]" }, { name: "X-Team", secret: false, value: "platform" }]);
    assert.ok(edited.body.tools.includes("flip__echo"));
    assert.deepEqual([...edited.body.held].sort(), [...edited.body.tools].sort(), "every tool is held");

    const row = await storedRow();
    assert.deepEqual([row.command, row.args, row.cwd, row.env], [null, [], null, []]);
    assert.match(JSON.stringify(row.headers), /"name":"Authorization".*"encrypted":"v1:/);
    const audit = await getPrisma().auditEvent.findFirstOrThrow({ where: { action: "upstream.edit", targetId: "flip" } });
    assert.equal((audit.after as { switchedFrom?: string }).switchedFrom, "stdio");
    assert.deepEqual((audit.after as { secretsChanged: string[] }).secretsChanged, ["Authorization"]);

    await eventually("the switched server's tools to leave the list", async () => !(await listNames()).some((name) => name.startsWith("flip__")));
    assert.match(toolResultText(await call("flip__echo", { message: "x" })), /^Tool flip__echo .*awaits review/);
    await approveAll();
    assert.equal(toolResultText(await call("flip__echo", { message: "now remote" })), "Echo: now remote");
    assert.ok(proxy.seen.length > 0);
    assert.ok(proxy.seen.every((headers) => headers.authorization === REMOTE_SECRET), "the remote gets the typed header");
    assert.equal(proxy.seen.at(-1)?.["x-team"], "platform");
    for (const text of [JSON.stringify(proxy.seen), JSON.stringify(edited.body), JSON.stringify(row), env.hub.output()]) {
      assert.ok(!text.includes(LOCAL_SECRET), "no trace of the local secret");
    }
    // The remote's get-env is its own process's environment, not the one the local server had.
    assert.equal(JSON.parse(toolResultText(await call("flip__get-env"))).TOKEN, undefined);
  });

  test("remote to local from the CLI: the URL and headers are dropped, the process runs with only what was given", async () => {
    const result = await sb("server", "edit", "flip", "--command", process.execPath, "--arg", EVERYTHING, "--plain-env", "MODE=local-again");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^Saved server flip \(stdio, version [\d.]+\); it lists \d+ tool\(s\):$/m);
    assert.match(result.stderr, /^Held for review \(changed or new\): .*flip__echo/m);
    assert.match(result.stdout, /^flip__get-env$/m);
    const row = await storedRow();
    assert.deepEqual([row.transport, row.url, row.headers, row.command, row.args], ["stdio", null, [], process.execPath, [EVERYTHING]]);
    await approveAll();
    await eventually("the local process to serve the calls", async () => (await call("flip__get-env").then((answer) => JSON.parse(toolResultText(answer)).MODE, () => undefined)) === "local-again");
    const { PATH: _path, HOME: _home, ...configured } = JSON.parse(toolResultText(await call("flip__get-env"))) as Record<string, string>;
    assert.deepEqual(configured, { MODE: "local-again" }, "neither the old local secret nor a header came back");
    const calls = proxy.seen.length;
    await call("flip__echo", { message: "local" });
    assert.equal(proxy.seen.length, calls, "the remote is no longer called");
    assert.ok(!result.stderr.includes(REMOTE_SECRET) && !result.stdout.includes(REMOTE_SECRET));
  });
});
