import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { API_KEY_MESSAGES } from "@/lib/api-keys/parse-api-key";
import { getPrisma } from "@/lib/db/prisma";
import { Role } from "@/lib/generated/prisma/enums";
import { startApiTestEnvironment, TEST_PASSWORD, type ApiTestEnvironment } from "./api-test-environment";
import { callApi, signInToConsole } from "./call-api";

describe("/api/v1 happy paths", { timeout: 600_000 }, () => {
  let env: ApiTestEnvironment;
  let api: (method: string, path: string, request?: Parameters<typeof callApi>[3]) => ReturnType<typeof callApi>;

  before(async () => {
    env = await startApiTestEnvironment();
    api = (method, path, request) => callApi(env.hub.url, method, path, request);
  });

  after(async () => {
    await env?.stop();
  });

  test("console pages, redirects and Next's own 404 carry the security headers", async () => {
    for (const path of ["/login", "/keys", "/no-such-page"]) {
      const reply = await fetch(`${env.hub.url}${path}`, { redirect: "manual" });
      assert.match(reply.headers.get("content-security-policy") ?? "", /(^|; )frame-ancestors 'none'(;|$)/, path);
      assert.equal(reply.headers.get("x-frame-options"), "DENY", path);
      assert.equal(reply.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(reply.headers.get("referrer-policy"), "same-origin", path);
    }
  });

  test("with sign-up closed (the default) and accounts present, /signup says so in its heading and offers no form", async () => {
    const html = await (await fetch(`${env.hub.url}/signup`)).text();
    assert.match(html, /<h1[^>]*>Sign-up is closed<\/h1>/);
    assert.doesNotMatch(html, /Create your account|Create the admin account/);
    assert.doesNotMatch(html, /<form/);
  });

  test("a key mints a key, lists it, revokes it, and the revoked key gets 401", async () => {
    const me = await api("GET", "/api/v1/me", { key: env.member.key });
    assert.equal(me.status, 200);
    assert.deepEqual(me.body.user, { id: env.member.user.id, email: "member@example.test", role: "member" });
    assert.equal(me.body.via, "key");
    assert.equal(me.body.key.id, env.member.keyId);
    assert.match(me.headers.get("ratelimit-limit") ?? "", /^\d+$/);

    const created = await api("POST", "/api/v1/keys", { key: env.member.key, json: { name: "nightly script", lifetime: "30d", tools: ["echo"] } });
    assert.equal(created.status, 201);
    assert.match(created.body.secret, /^sb_/);
    assert.equal(created.body.key.name, "nightly script");
    assert.deepEqual(created.body.key.allowedTools, ["echo"]);
    assert.equal(created.body.key.hash, undefined);
    assert.ok(Date.parse(created.body.key.expiresAt) > Date.now() + 29 * 86_400_000);

    const viaNewKey = await api("GET", "/api/v1/me", { key: created.body.secret });
    assert.equal(viaNewKey.status, 200);
    assert.equal(viaNewKey.body.key.prefix, created.body.key.prefix);

    const listed = await api("GET", "/api/v1/keys", { key: created.body.secret });
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body.keys.map((key: { id: string }) => key.id).sort(), [created.body.key.id, env.member.keyId].sort());
    assert.ok(listed.body.keys.every((key: Record<string, unknown>) => !("hash" in key) && !("secret" in key)));

    const revoked = await api("DELETE", `/api/v1/keys/${created.body.key.id}`, { key: env.member.key });
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.changed, true);
    assert.ok(revoked.body.key.revokedAt);

    const refused = await api("GET", "/api/v1/me", { key: created.body.secret });
    assert.deepEqual({ status: refused.status, body: refused.body }, { status: 401, body: { error: { code: "unauthorized", message: API_KEY_MESSAGES.revoked } } });

    const again = await api("DELETE", `/api/v1/keys/${created.body.key.id}`, { key: env.member.key });
    assert.deepEqual({ status: again.status, changed: again.body.changed }, { status: 200, changed: false });

    const audit = await api("GET", `/api/v1/audit?targetId=${created.body.key.id}`, { key: env.admin.key });
    assert.equal(audit.status, 200);
    assert.deepEqual(
      audit.body.entries.map((entry: { action: string; actorId: string; actorLabel: string }) => [entry.action, entry.actorId, entry.actorLabel]),
      [
        ["api_key.revoke", env.member.user.id, "member@example.test"],
        ["api_key.create", env.member.user.id, "member@example.test"],
      ],
    );
  });

  test("a signed-in console user uses the API with the session cookie from the same origin", async () => {
    const cookie = await signInToConsole(env.hub.url, "member@example.test", TEST_PASSWORD);
    const me = await api("GET", "/api/v1/me", { cookie });
    assert.equal(me.status, 200);
    assert.deepEqual({ via: me.body.via, key: me.body.key, id: me.body.user.id }, { via: "session", key: null, id: env.member.user.id });
    assert.equal(me.headers.get("ratelimit-limit"), null);

    const byOrigin = await api("POST", "/api/v1/keys", { cookie, origin: env.hub.url, json: { name: "from the browser" } });
    assert.equal(byOrigin.status, 201);
    const byFetchMetadata = await api("POST", "/api/v1/keys", { cookie, secFetchSite: "same-origin", json: { name: "fetch metadata", lifetime: "never" } });
    assert.equal(byFetchMetadata.status, 201);
    assert.equal(byFetchMetadata.body.key.expiresAt, null);

    const revoked = await api("DELETE", `/api/v1/keys/${byOrigin.body.key.id}`, { cookie, origin: env.hub.url });
    assert.equal(revoked.status, 200);
    assert.equal((await api("GET", "/api/v1/me", { key: byOrigin.body.secret })).status, 401);
  });

  test("an admin grants, deprecates and disables a tool, and members see the effect", async () => {
    const memberTools = async () => (await api("GET", "/api/v1/tools", { key: env.member.key })).body.tools.map((tool: { name: string }) => tool.name);
    assert.ok((await memberTools()).includes("echo"), "echo is public");
    assert.ok(!(await memberTools()).includes("read_file"), "read_file is not granted yet");

    const granted = await api("POST", "/api/v1/tools/read_file/grants", { key: env.admin.key, json: { role: "member" } });
    assert.equal(granted.status, 201);
    assert.deepEqual({ toolName: granted.body.grant.toolName, role: granted.body.grant.role, userId: granted.body.grant.userId }, { toolName: "read_file", role: "member", userId: null });
    assert.ok((await memberTools()).includes("read_file"));

    const sunset = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const deprecated = await api("PATCH", "/api/v1/tools/read_file", {
      key: env.admin.key,
      json: { deprecation: { message: "Use search_text", replacement: "search_text", sunset } },
    });
    assert.equal(deprecated.status, 200);
    assert.equal(deprecated.body.tool.status, "deprecated");
    assert.equal(deprecated.body.tool.replacement, "search_text");
    assert.equal(deprecated.body.tool.sunsetAt, sunset);
    const seenByMember = (await api("GET", "/api/v1/tools", { key: env.member.key })).body.tools.find((tool: { name: string }) => tool.name === "read_file");
    assert.deepEqual({ status: seenByMember.status, replacement: seenByMember.replacement, grants: seenByMember.grants }, { status: "deprecated", replacement: "search_text", grants: undefined });

    const disabled = await api("PATCH", "/api/v1/tools/read_file", { key: env.admin.key, json: { enabled: false } });
    assert.equal(disabled.body.tool.status, "disabled");
    assert.ok(!(await memberTools()).includes("read_file"), "a disabled tool is not offered");

    const narrow = await env.seedUser("narrow@example.test", Role.member, { allowedTools: ["echo", "read_file"] });
    const throughNarrowKey = await api("GET", "/api/v1/tools", { key: narrow.key });
    assert.deepEqual(throughNarrowKey.body.tools.map((tool: { name: string }) => tool.name), ["echo"], "a key sees only its own tools that its owner may call");

    const catalogue = await api("GET", "/api/v1/tools", { key: env.admin.key });
    const adminView = catalogue.body.tools.find((tool: { name: string }) => tool.name === "read_file");
    assert.equal(adminView.status, "disabled", "admins see every tool, whatever its status");
    assert.deepEqual(adminView.grants.map((grant: { role: string }) => grant.role), ["member"]);

    const restored = await api("PATCH", "/api/v1/tools/read_file", { key: env.admin.key, json: { enabled: true, deprecation: null } });
    assert.deepEqual({ status: restored.body.tool.status, replacement: restored.body.tool.replacement }, { status: "active", replacement: null });

    const removed = await api("DELETE", "/api/v1/tools/read_file/grants", { key: env.admin.key, json: { role: "member" } });
    assert.equal(removed.status, 200);
    assert.equal(removed.body.grant.id, granted.body.grant.id);
    assert.ok(!(await memberTools()).includes("read_file"));

    const audit = await api("GET", `/api/v1/audit?targetType=tool&targetId=read_file&actorId=${env.admin.user.id}`, { key: env.admin.key });
    assert.deepEqual(
      audit.body.entries.map((entry: { action: string; actorLabel: string }) => `${entry.action} by ${entry.actorLabel}`),
      // One PATCH both undeprecates and enables: the deprecation is applied first.
      ["grant.remove", "tool.enable", "tool.undeprecate", "tool.disable", "tool.deprecate", "grant.add"].map((action) => `${action} by admin@example.test`),
    );
  });

  test("an admin creates, promotes and disables a user; the disabled user's key stops working", async () => {
    const created = await api("POST", "/api/v1/users", { key: env.admin.key, json: { email: "New.Person@Example.test", password: TEST_PASSWORD, name: "New Person" } });
    assert.equal(created.status, 201);
    assert.deepEqual(
      { email: created.body.user.email, role: created.body.user.role, hasPassword: created.body.user.hasPassword, passwordHash: created.body.user.passwordHash },
      { email: "new.person@example.test", role: "member", hasPassword: true, passwordHash: undefined },
    );
    const users = await api("GET", "/api/v1/users", { key: env.admin.key });
    assert.ok(users.body.users.some((user: { id: string }) => user.id === created.body.user.id));

    const promoted = await api("PATCH", `/api/v1/users/${created.body.user.id}`, { key: env.admin.key, json: { role: "admin" } });
    assert.deepEqual({ status: promoted.status, role: promoted.body.user.role }, { status: 200, role: "admin" });

    const victim = await env.seedUser("leaver@example.test", Role.member);
    assert.equal((await api("GET", "/api/v1/me", { key: victim.key })).status, 200);
    const disabled = await api("PATCH", `/api/v1/users/${victim.user.id}`, { key: env.admin.key, json: { disabled: true } });
    assert.equal(disabled.status, 200);
    assert.ok(disabled.body.user.disabledAt);
    const refused = await api("GET", "/api/v1/me", { key: victim.key });
    assert.deepEqual({ status: refused.status, body: refused.body }, { status: 401, body: { error: { code: "unauthorized", message: API_KEY_MESSAGES.disabledUser } } });

    const audit = await api("GET", `/api/v1/audit?action=user.&actorId=${env.admin.user.id}`, { key: env.admin.key });
    assert.deepEqual(
      audit.body.entries.map((entry: { action: string; targetId: string }) => [entry.action, entry.targetId]),
      [
        ["user.disable", victim.user.id],
        ["user.set_role", created.body.user.id],
        ["user.create", created.body.user.id],
      ],
    );
  });

  test("a key mints keys no broader than itself: same tools at most, no later expiry, its rate limit", async () => {
    const parentExpiry = new Date(Date.now() + 10 * 86_400_000);
    const parent = await env.seedUser("tool-limited-admin@example.test", Role.admin, { allowedTools: ["echo"], rateLimitPolicy: "5/1m", expiresAt: parentExpiry });
    const forever = await api("POST", "/api/v1/keys", { key: parent.key, json: { name: "child forever", lifetime: "never", tools: ["echo"] } });
    assert.equal(forever.status, 201);
    assert.deepEqual(
      { tools: forever.body.key.allowedTools, expiresAt: forever.body.key.expiresAt, policy: forever.body.key.rateLimitPolicy },
      { tools: ["echo"], expiresAt: parentExpiry.toISOString(), policy: "5/1m" },
    );
    // The list shows who minted it; revoking the parent revokes it (test/integration/governance/key-lineage-and-budgets).
    assert.equal(forever.body.key.parentKeyId, parent.keyId);
    const short = await api("POST", "/api/v1/keys", { key: parent.key, json: { name: "child short", lifetime: "7d", tools: ["echo"] } });
    assert.equal(short.status, 201);
    assert.ok(Date.parse(short.body.key.expiresAt) < parentExpiry.getTime());
    assert.equal(short.body.key.rateLimitPolicy, "5/1m");
    const child = await api("GET", "/api/v1/me", { key: forever.body.secret });
    assert.deepEqual(child.body.key.rateLimitPolicy, "5/1m");

    // Through the tool-limited key, the admin is not an admin: its own tools only, its own keys only.
    const tools = await api("GET", "/api/v1/tools", { key: parent.key });
    assert.deepEqual(tools.body.tools.map((tool: { name: string; grants?: unknown }) => [tool.name, tool.grants]), [["echo", undefined]]);
    const bystander = await env.seedUser("bystander@example.test", Role.member);
    const refused = await api("DELETE", `/api/v1/keys/${bystander.keyId}`, { key: parent.key });
    assert.equal(refused.status, 404);
    assert.equal((await api("GET", "/api/v1/me", { key: bystander.key })).status, 200);
  });

  test("an admin revokes any user's key", async () => {
    const owner = await env.seedUser("owner@example.test", Role.member);
    const revoked = await api("DELETE", `/api/v1/keys/${owner.keyId}`, { key: env.admin.key });
    assert.deepEqual({ status: revoked.status, changed: revoked.body.changed }, { status: 200, changed: true });
    assert.equal((await api("GET", "/api/v1/me", { key: owner.key })).status, 401);
  });

  test("an admin lists another user's keys, sets role rate limits, invites, and manages command tools", async () => {
    const memberKeys = await api("GET", `/api/v1/keys?userId=${env.member.user.id}`, { key: env.admin.key });
    assert.equal(memberKeys.status, 200);
    assert.ok(memberKeys.body.keys.some((key: { id: string }) => key.id === env.member.keyId));
    assert.ok(memberKeys.body.keys.every((key: { userId: string }) => key.userId === env.member.user.id));

    const set = await api("PUT", "/api/v1/rate-limits/member", { key: env.admin.key, json: { policy: "600/1m" } });
    assert.deepEqual({ status: set.status, body: set.body }, { status: 200, body: { role: "member", policy: "600/1m" } });
    const policies = await api("GET", "/api/v1/rate-limits", { key: env.admin.key });
    assert.deepEqual(policies.body.roles.find((role: { role: string }) => role.role === "member"), { role: "member", policy: "600/1m", overridden: true });
    const reset = await api("PUT", "/api/v1/rate-limits/member", { key: env.admin.key, json: { policy: null } });
    assert.deepEqual(reset.body, { role: "member", policy: null });

    const invite = await api("POST", "/api/v1/invites", { key: env.admin.key, json: { email: "invitee@example.test", role: "member" } });
    assert.equal(invite.status, 201);
    assert.ok(invite.body.inviteUrl.startsWith(`${env.hub.url}/invite/`));

    const definition = { title: "Say hello", description: "Greets someone", argv: ["echo", "hello", "{{who}}"], parameters: { who: { type: "string", description: "Who to greet", max: 40 } } };
    const created = await api("POST", "/api/v1/command-tools", { key: env.admin.key, json: { name: "say_hello", ...definition } });
    assert.deepEqual({ status: created.status, body: created.body }, { status: 201, body: { name: "say_hello" } });
    const listed = (await api("GET", "/api/v1/tools", { key: env.admin.key })).body.tools.find((tool: { name: string }) => tool.name === "say_hello");
    assert.deepEqual({ kind: listed.kind, title: listed.title, status: listed.status }, { kind: "command", title: "Say hello", status: "active" });

    const replaced = await api("PUT", "/api/v1/command-tools/say_hello", { key: env.admin.key, json: { ...definition, version: "1.0.1", title: "Say hello politely" } });
    assert.equal(replaced.status, 200);
    const renamed = (await api("GET", "/api/v1/tools", { key: env.admin.key })).body.tools.find((tool: { name: string }) => tool.name === "say_hello");
    assert.equal(renamed.title, "Say hello politely");

    const deleted = await api("DELETE", "/api/v1/command-tools/say_hello", { key: env.admin.key });
    assert.deepEqual({ status: deleted.status, body: deleted.body }, { status: 200, body: { name: "say_hello", deleted: true } });
    assert.ok(!(await api("GET", "/api/v1/tools", { key: env.admin.key })).body.tools.some((tool: { name: string }) => tool.name === "say_hello"));

    const audit = await api("GET", `/api/v1/audit?actorId=${env.admin.user.id}&targetId=say_hello`, { key: env.admin.key });
    assert.deepEqual(audit.body.entries.map((entry: { action: string }) => entry.action), ["command_tool.delete", "command_tool.update", "command_tool.create"]);
  });

  test("an admin registers an upstream server, reads it back with secrets redacted, grants it to members and removes it", async () => {
    const everything = path.resolve(import.meta.dirname, "../../../node_modules/@modelcontextprotocol/server-everything/dist/index.js");
    const spec = { name: "api-everything", transport: "stdio", command: process.execPath, args: [everything], env: [{ name: "API_TOKEN", value: "api-secret-value-55" }, { name: "MODE", value: "demo", secret: false }] };
    assert.equal((await api("POST", "/api/v1/servers", { key: env.member.key, json: spec })).status, 403);
    const invalid = await api("POST", "/api/v1/servers", { key: env.admin.key, json: { ...spec, name: "Bad Name" } });
    assert.equal(invalid.status, 422);
    assert.match(invalid.body.error.message, /^Invalid request body: name: must be 1-32 lowercase letters/);
    const unreachable = await api("POST", "/api/v1/servers", { key: env.admin.key, json: { name: "api-gone", transport: "stdio", command: "/nonexistent/server" } });
    assert.deepEqual(unreachable.body, { error: { code: "invalid_request", message: "Server api-gone could not be reached over MCP: command not found: /nonexistent/server. Check the command, its arguments and environment (it must speak MCP on stdin/stdout)." } });

    const added = await api("POST", "/api/v1/servers", { key: env.admin.key, json: spec });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.ok(added.body.tools.includes("api-everything__echo"));
    assert.deepEqual(added.body.server.env, [{ name: "API_TOKEN", secret: true, value: "[secret]" }, { name: "MODE", secret: false, value: "demo" }]);
    assert.equal((await api("POST", "/api/v1/servers", { key: env.admin.key, json: spec })).status, 409);

    const listed = await api("GET", "/api/v1/servers", { key: env.admin.key });
    const summary = listed.body.servers.find((server: { name: string }) => server.name === "api-everything");
    assert.ok(summary.toolCount >= 10);
    const shown = await api("GET", "/api/v1/servers/api-everything", { key: env.admin.key });
    assert.ok(shown.body.server.tools.every((tool: { state: string }) => tool.state === "approved"));
    for (const reply of [added, listed, shown]) assert.ok(!JSON.stringify(reply.body).includes("api-secret-value-55"));
    assert.equal((await api("POST", "/api/v1/servers/api-everything/approve", { key: env.admin.key, json: {} })).status, 404);

    assert.equal((await api("POST", "/api/v1/servers/api-everything/grants", { key: env.admin.key, json: { role: "member" } })).status, 201);
    const memberTools = await api("GET", "/api/v1/tools", { key: env.member.key });
    assert.ok(memberTools.body.tools.some((tool: { name: string }) => tool.name === "api-everything__echo"));

    assert.deepEqual((await api("DELETE", "/api/v1/servers/api-everything", { key: env.admin.key })).body, { name: "api-everything", deleted: true });
    assert.equal((await api("GET", "/api/v1/servers/api-everything", { key: env.admin.key })).status, 404);
  });

  test("usage and the call-log browser: members see their own calls, admins everyone's, paged by cursor", async () => {
    const at = new Date();
    const row = (user: { user: { id: string }; keyId: string }, toolName: string, status: "ok" | "error") => ({
      at,
      userId: user.user.id,
      apiKeyId: user.keyId,
      transport: "streamable",
      toolName,
      status,
      durationMs: 3,
      requestBytes: 10,
      resultBytes: 20,
    });
    await getPrisma().callLog.createMany({
      data: [row(env.member, "echo", "ok"), row(env.member, "echo", "error"), row(env.member, "search_text", "ok"), row(env.admin, "echo", "ok")],
    });

    const own = await api("GET", "/api/v1/usage/calls", { key: env.member.key });
    assert.equal(own.status, 200);
    assert.equal(own.body.entries.length, 3);
    assert.ok(own.body.entries.every((entry: { userId: string }) => entry.userId === env.member.user.id));

    const errors = await api("GET", "/api/v1/usage/calls?tool=echo&status=error", { key: env.member.key });
    assert.deepEqual(errors.body.entries.map((entry: { toolName: string; status: string }) => `${entry.toolName}:${entry.status}`), ["echo:error"]);

    const first = await api("GET", "/api/v1/usage/calls?limit=2", { key: env.member.key });
    assert.equal(first.body.entries.length, 2);
    assert.match(first.body.nextCursor, /^\d+$/);
    const second = await api("GET", `/api/v1/usage/calls?limit=2&cursor=${first.body.nextCursor}`, { key: env.member.key });
    assert.equal(second.body.entries.length, 1);
    assert.equal(second.body.nextCursor, null);
    const ids = [...first.body.entries, ...second.body.entries].map((entry: { id: string }) => BigInt(entry.id));
    assert.deepEqual(ids, [...ids].sort((a, b) => (a > b ? -1 : 1)), "newest first, no overlap");

    assert.equal((await api("GET", "/api/v1/usage/calls", { key: env.admin.key })).body.entries.length, 4);
    assert.equal((await api("GET", `/api/v1/usage/calls?userId=${env.admin.user.id}`, { key: env.admin.key })).body.entries.length, 1);

    const memberUsage = await api("GET", "/api/v1/usage?range=1h", { key: env.member.key });
    assert.equal(memberUsage.status, 200);
    assert.deepEqual({ range: memberUsage.body.range, userId: memberUsage.body.userId }, { range: "1h", userId: env.member.user.id });
    assert.equal(memberUsage.body.callsOverTime.length >= 60, true, "one zero-filled point per minute");
    for (const field of ["tools", "clients", "keys", "rateLimitViolations"]) assert.ok(Array.isArray(memberUsage.body[field]), field);

    const allUsage = await api("GET", "/api/v1/usage", { key: env.admin.key });
    assert.deepEqual({ range: allUsage.body.range, userId: allUsage.body.userId }, { range: "24h", userId: null });
  });
});
