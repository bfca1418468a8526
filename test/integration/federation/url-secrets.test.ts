// A server URL's password and query values are secrets (issue 10): the hub connects with them
// (the user and password as Basic auth, the query string as given) but never shows them back, in
// API answers, CLI output, the audit log, status texts or log lines. Run against the real hub
// (console build) and server-everything as a Streamable HTTP remote behind a recording proxy.
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { getPrisma } from "@/lib/db/prisma";
import { sealStoredUpstreamUrls } from "@/lib/upstreams/seal-stored-upstream-urls";
import { eventually } from "@/test/helpers/eventually";
import { startApiTestEnvironment, type ApiTestEnvironment } from "@/test/integration/api/api-test-environment";
import { callApi, type ApiRequest } from "@/test/integration/api/call-api";
import { runSb } from "@/test/integration/cli/run-sb";
import { connectHubClient } from "@/test/integration/federation/connect-hub-client";
import { startEverythingRemote } from "@/test/integration/federation/start-everything-remote";
import { startHeaderRecordingProxy } from "@/test/integration/federation/start-header-recording-proxy";
import { startTokenEchoingServer } from "@/test/integration/federation/start-token-echoing-server";

const SECRET_KEY = "url-secrets-test-secret-key-0123456789abcdef";
const PASSWORD = "url-password-4242";
const TOKEN = "url-query-token-9090";
const NEW_TOKEN = "url-query-token-new-3131";
const SECRETS = [PASSWORD, TOKEN, NEW_TOKEN, Buffer.from(`deploy:${PASSWORD}`).toString("base64")];

let env: ApiTestEnvironment;
let remote: ChildProcess | undefined;
let proxy: Awaited<ReturnType<typeof startHeaderRecordingProxy>>;
let client: Client;
let host: string;

const api = (method: string, route: string, request: ApiRequest = {}) => callApi(env.hub.url, method, route, { key: env.admin.key, ...request });
const sb = (...args: string[]) => runSb(args, { DATABASE_URL: process.env.DATABASE_URL, SWITCHBOARD_SECRET_KEY: SECRET_KEY });
const echo = async (message: string) => ((await client.callTool({ name: "remote__echo", arguments: { message } })) as CallToolResult).content.map((item) => (item.type === "text" ? item.text : "")).join("");
const json = (value: unknown) => JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? String(item) : item));
const assertNoSecret = (where: string, text: string) => {
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${where} contains ${secret}: ${text.slice(0, 2000)}`);
};
/** Waits for a request through the proxy after `from` and returns its path and headers. */
const nextRequest = async (from: number, message: string) => {
  await eventually(`a request after ${message}`, async () => (await echo(message)) === `Echo: ${message}` && proxy.paths.length > from);
  return { path: proxy.paths.at(-1)!, authorization: proxy.seen.at(-1)!.authorization };
};

before(async () => {
  // This process seals legacy rows itself (as a starting hub does), so it holds the hub's key.
  process.env.SWITCHBOARD_SECRET_KEY = SECRET_KEY;
  env = await startApiTestEnvironment({ SWITCHBOARD_SECRET_KEY: SECRET_KEY, LOG_LEVEL: "debug" });
  const everything = await startEverythingRemote();
  remote = everything.process;
  proxy = await startHeaderRecordingProxy(everything.port);
  host = proxy.url.replace("http://", "");
});

after(async () => {
  await client?.close().catch(() => {});
  remote?.kill("SIGKILL");
  await proxy?.close();
  await env?.stop();
});

describe("secrets in a server's URL", { timeout: 600_000 }, () => {
  test("add: connects with them (Basic auth, the query as given), stores them encrypted and answers the URL redacted", async () => {
    const added = await api("POST", "/api/v1/servers", { json: { name: "remote", transport: "http", url: `http://deploy:${PASSWORD}@${host}/mcp?token=${TOKEN}&v=2` } });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body.server.url, `http://deploy:***@${host}/mcp?token=***&v=***`);
    assert.ok(proxy.paths.length > 0 && proxy.paths.every((path) => path === `/mcp?token=${TOKEN}&v=2`), proxy.paths.join(", "));
    assert.ok(proxy.seen.every((headers) => headers.authorization === `Basic ${Buffer.from(`deploy:${PASSWORD}`).toString("base64")}`));

    client = await connectHubClient(env.hub.url, "streamable", env.admin.key, "url-secrets-test");
    const first = await nextRequest(proxy.paths.length, "through the hub");
    assert.equal(first.path, `/mcp?token=${TOKEN}&v=2`);

    const row = await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name: "remote" } });
    assert.equal(row.url, `http://deploy:***@${host}/mcp?token=***&v=***`);
    assert.match(row.urlEncrypted ?? "", /^v1:/);
    assertNoSecret("stored row", json(row));
    for (const [where, reply] of [["GET list", await api("GET", "/api/v1/servers")], ["GET one", await api("GET", "/api/v1/servers/remote")]] as const) {
      assert.equal(reply.status, 200);
      assert.ok(JSON.stringify(reply.body).includes(`http://deploy:***@${host}/mcp?token=***&v=***`), where);
      assertNoSecret(where, JSON.stringify(reply.body));
    }
    for (const args of [["server", "list"], ["server", "show", "remote"]]) {
      const shown = await sb(...args);
      assert.equal(shown.code, 0, shown.stderr);
      assert.ok(shown.stdout.includes(`http://deploy:***@${host}/mcp?token=***&v=***`), shown.stdout);
      assertNoSecret(args.join(" "), shown.stdout + shown.stderr);
    }
  });

  test("edit: other flags, or the URL as shown (the console's form), keep the stored URL", async () => {
    const cli = await sb("server", "edit", "remote", "--timeout", "30");
    assert.equal(cli.code, 0, cli.stderr);
    assertNoSecret("sb server edit", cli.stdout + cli.stderr);
    const shown = (await api("GET", "/api/v1/servers/remote")).body.server;
    const asShown = await api("PATCH", "/api/v1/servers/remote", { json: { url: shown.url, transport: "http", headers: [], maxConcurrency: 8, expectedVersion: shown.settingsVersion } });
    assert.equal(asShown.status, 200, JSON.stringify(asShown.body));
    assert.equal(asShown.body.server.url, `http://deploy:***@${host}/mcp?token=***&v=***`);
    await eventually("the hub to reconnect with the edit", async () => (await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name: "remote" } })).status === "connected");
    const kept = await nextRequest(proxy.paths.length, "after the edits");
    assert.deepEqual(kept, { path: `/mcp?token=${TOKEN}&v=2`, authorization: `Basic ${Buffer.from(`deploy:${PASSWORD}`).toString("base64")}` });
    const audit = await getPrisma().auditEvent.findMany({ where: { action: "upstream.edit", targetId: "remote" } });
    assert.equal(audit.length, 2);
    assert.deepEqual(audit.map((event) => (event.after as { secretsChanged: string[] }).secretsChanged), [[], []]);
  });

  test("edit: a *** keeps the stored part in its place, a typed value replaces it", async () => {
    const edited = await api("PATCH", "/api/v1/servers/remote", { json: { url: `http://deploy:***@${host}/mcp?token=${NEW_TOKEN}&v=***` } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.server.url, `http://deploy:***@${host}/mcp?token=***&v=***`);
    assertNoSecret("PATCH answer", JSON.stringify(edited.body));
    const audit = await getPrisma().auditEvent.findFirstOrThrow({ where: { action: "upstream.edit", targetId: "remote" }, orderBy: { id: "desc" } });
    assert.deepEqual((audit.after as { secretsChanged: string[] }).secretsChanged, ["url"]);
    await eventually("the hub to connect with the new token", async () => {
      await echo("new token");
      return proxy.paths.at(-1) === `/mcp?token=${NEW_TOKEN}&v=2`;
    });
    const refused = await api("PATCH", "/api/v1/servers/remote", { json: { url: `http://deploy:***@${host}/mcp?key=***` } });
    assert.deepEqual({ status: refused.status, body: refused.body }, { status: 422, body: { error: { code: "validation_failed", message: 'Invalid server: url: the query value key is "***", the placeholder of a stored secret, but none is stored in its place; give its value' } } });
  });

  test("pointing the server elsewhere needs the URL's secrets typed again, and the new host's echo of them never comes back", async () => {
    const elsewhere = await startTokenEchoingServer();
    try {
      const before = json(await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name: "remote" }, select: { url: true, urlEncrypted: true } }));
      const kept = await api("PATCH", "/api/v1/servers/remote", { json: { url: `http://deploy:***@${elsewhere.url.replace("http://", "")}/mcp?token=***&v=2` } });
      assert.deepEqual({ status: kept.status, body: kept.body }, {
        status: 422,
        body: { error: { code: "validation_failed", message: "Invalid server: give the values of the URL's password, the URL's query value token again when pointing the server elsewhere (a kept secret is never sent to a new host or command)." } },
      });
      const cli = await sb("server", "edit", "remote", "--url", `http://deploy:***@${elsewhere.url.replace("http://", "")}/mcp`);
      assert.equal(cli.code, 1);
      assert.match(cli.stderr, /^sb: Invalid server: give the values of the URL's password again when pointing the server elsewhere/m);
      assert.equal(elsewhere.seen.length, 0, "the new host was never contacted");

      // Typed in full, the new host gets them; its 401 page echoes the Basic credential and the
      // query string, which the refusal, the audit log and the hub's log must not carry.
      const typed = await api("PATCH", "/api/v1/servers/remote", { json: { url: `http://deploy:${PASSWORD}@${elsewhere.url.replace("http://", "")}/mcp?token=${TOKEN}` } });
      assert.equal(typed.status, 400, JSON.stringify(typed.body));
      assert.ok(elsewhere.paths.length > 0 && elsewhere.paths.every((path) => path === `/mcp?token=${TOKEN}`), elsewhere.paths.join(", "));
      assert.match(typed.body.error.message, /^Server remote could not be reached over MCP: .*HTTP 401/);
      assertNoSecret("refusal", JSON.stringify(typed.body));
      assert.equal(json(await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name: "remote" }, select: { url: true, urlEncrypted: true } })), before, "nothing saved");
    } finally {
      await elsewhere.close();
    }
  });

  test("a server stored before URLs were sealed is sealed (sealStoredUpstreamUrls, run as a hub starts), its audit entries redacted, and still connects", async () => {
    // The row and audit entry as the hub wrote them before migration 20261201160000.
    const legacyUrl = `http://deploy:${PASSWORD}@${host}/mcp?token=${TOKEN}&v=2`;
    await getPrisma().upstreamServer.update({ where: { name: "remote" }, data: { url: legacyUrl, urlEncrypted: null } });
    const event = await getPrisma().auditEvent.findFirstOrThrow({ where: { action: "upstream.add", targetId: "remote" } });
    await getPrisma().auditEvent.update({ where: { id: event.id }, data: { after: { ...(event.after as object), url: legacyUrl } } });
    const shown = await api("GET", "/api/v1/servers/remote");
    assert.equal(shown.body.server.url, `http://deploy:***@${host}/mcp?token=***&v=***`, "redacted on the way out even before sealing");

    const { id } = await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name: "remote" } });
    assert.deepEqual(await sealStoredUpstreamUrls(), [id]);
    assert.deepEqual(await sealStoredUpstreamUrls(), [], "idempotent");
    const row = await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name: "remote" } });
    assert.equal(row.url, `http://deploy:***@${host}/mcp?token=***&v=***`);
    assert.match(row.urlEncrypted ?? "", /^v1:/);
    assertNoSecret("audit log", json(await getPrisma().auditEvent.findMany({ where: { targetType: "upstream_server" } })));

    const edited = await api("PATCH", "/api/v1/servers/remote", { json: { maxConcurrency: 9 } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    await eventually("the hub to reconnect with the sealed URL", async () => (await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name: "remote" } })).status === "connected");
    assert.equal((await nextRequest(proxy.paths.length, "after sealing")).path, `/mcp?token=${TOKEN}&v=2`);
  });

  test("remove: its audit entry, and everything the hub logged, are free of the URL's secrets", async () => {
    const removed = await sb("server", "remove", "remote");
    assert.equal(removed.code, 0, removed.stderr);
    assertNoSecret("sb server remove", removed.stdout + removed.stderr);
    const audit = await getPrisma().auditEvent.findFirstOrThrow({ where: { action: "upstream.remove", targetId: "remote" } });
    assert.equal((audit.before as { url: string }).url, `http://deploy:***@${host}/mcp?token=***&v=***`);
    assertNoSecret("audit log", json(await getPrisma().auditEvent.findMany({ where: { targetType: "upstream_server" } })));
    assertNoSecret("hub log", env.hub.output());
  });
});
