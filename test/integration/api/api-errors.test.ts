import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { generateApiKey } from "@/lib/api-keys/generate-api-key";
import { API_KEY_MESSAGES } from "@/lib/api-keys/parse-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { Role } from "@/lib/generated/prisma/enums";
import { parseRateLimitPolicy } from "@/lib/rate-limit/parse-rate-limit-policy";
import { disableUser } from "@/lib/users/disable-user";
import { startApiTestEnvironment, TEST_PASSWORD, type ApiTestEnvironment, type SeededUser } from "./api-test-environment";
import { callApi, signInToConsole, type ApiRequest } from "./call-api";

const EVIL_ORIGIN = "https://evil.example";
const ADMIN_ONLY = "Forbidden: only admin users may do this.";
const NARROW_KEY = "This key is limited to specific tools and cannot administer the hub; use an unrestricted key or the console.";
const CROSS_SITE_NO_ORIGIN = "Cross-site request refused: a cookie-authenticated change needs a same-origin Origin header (or use an API key).";
const CROSS_SITE_EVIL = `Cross-site request refused: Origin ${EVIL_ORIGIN} is not this hub.`;

/** Who sends a case: nobody, a seeded key, a literal key or header, or a signed-in member's cookie. */
type Sender = "anonymous" | "admin" | "member" | "narrow" | "narrowAdmin" | "revoked" | "disabled" | "memberCookie" | "unknownKeyAndMemberCookie" | { key: string } | { authorization: string };

interface ErrorCase {
  name: string;
  method: string;
  path: string | ((fixture: Fixture) => string);
  as: Sender;
  request?: Omit<ApiRequest, "key" | "authorization" | "cookie">;
  status: number;
  code: string;
  message: string | ((fixture: Fixture) => string);
}

interface Fixture {
  env: ApiTestEnvironment;
  narrow: SeededUser;
  /** The admin's key limited to echo: it must not administer the hub. */
  narrowAdmin: SeededUser;
  /** A member whose key nobody but an admin may revoke. */
  bystander: SeededUser;
  revoked: SeededUser;
  disabled: SeededUser;
  memberCookie: string;
  unknownId: string;
}

const unknownKey = generateApiKey().key;
const badPolicy = parseRateLimitPolicy("fast");
const HELLO_TOOL = { name: "echo", title: "Hello", description: "Says hello", argv: ["echo", "hello"] };
const unknownId = randomUUID();

const CASES: ErrorCase[] = [
  // Authentication: 401 with WWW-Authenticate, one message per cause.
  { name: "no credentials", method: "GET", path: "/api/v1/me", as: "anonymous", status: 401, code: "unauthorized", message: "Authentication required: send Authorization: Bearer <api key>, or sign in to the console." },
  { name: "malformed key", method: "GET", path: "/api/v1/me", as: { key: "sb_not-a-key" }, status: 401, code: "unauthorized", message: API_KEY_MESSAGES.malformed },
  { name: "non-bearer scheme", method: "GET", path: "/api/v1/keys", as: { authorization: "Basic YWRtaW46YWRtaW4=" }, status: 401, code: "unauthorized", message: API_KEY_MESSAGES.malformedHeader },
  { name: "unknown key", method: "GET", path: "/api/v1/keys", as: { key: unknownKey }, status: 401, code: "unauthorized", message: API_KEY_MESSAGES.unknown },
  { name: "revoked key", method: "GET", path: "/api/v1/tools", as: "revoked", status: 401, code: "unauthorized", message: API_KEY_MESSAGES.revoked },
  { name: "disabled owner's key", method: "GET", path: "/api/v1/me", as: "disabled", status: 401, code: "unauthorized", message: API_KEY_MESSAGES.disabledUser },
  { name: "bad key even with a valid session cookie", method: "GET", path: "/api/v1/me", as: "unknownKeyAndMemberCookie", status: 401, code: "unauthorized", message: API_KEY_MESSAGES.unknown },

  // Members on admin endpoints: 403.
  { name: "member lists users", method: "GET", path: "/api/v1/users", as: "member", status: 403, code: "forbidden", message: ADMIN_ONLY },
  { name: "member creates a user", method: "POST", path: "/api/v1/users", as: "member", request: { json: { email: "x@example.test" } }, status: 403, code: "forbidden", message: ADMIN_ONLY },
  { name: "member changes a user", method: "PATCH", path: (f) => `/api/v1/users/${f.env.member.user.id}`, as: "member", request: { json: { role: "admin" } }, status: 403, code: "forbidden", message: ADMIN_ONLY },
  { name: "member reads the audit log", method: "GET", path: "/api/v1/audit", as: "member", status: 403, code: "forbidden", message: ADMIN_ONLY },
  { name: "member disables a tool", method: "PATCH", path: "/api/v1/tools/echo", as: "member", request: { json: { enabled: false } }, status: 403, code: "forbidden", message: ADMIN_ONLY },
  { name: "member grants a tool", method: "POST", path: "/api/v1/tools/read_file/grants", as: "member", request: { json: { role: "member" } }, status: 403, code: "forbidden", message: ADMIN_ONLY },
  { name: "member removes a grant", method: "DELETE", path: "/api/v1/tools/read_file/grants", as: "member", request: { json: { role: "member" } }, status: 403, code: "forbidden", message: ADMIN_ONLY },
  { name: "member reads another user's usage", method: "GET", path: (f) => `/api/v1/usage?userId=${f.env.admin.user.id}`, as: "member", status: 403, code: "forbidden", message: "Members can only see their own usage" },
  { name: "member browses another user's calls", method: "GET", path: (f) => `/api/v1/usage/calls?userId=${f.env.admin.user.id}`, as: "member", status: 403, code: "forbidden", message: "Members can only see their own usage" },
  { name: "member lists another user's keys", method: "GET", path: (f) => `/api/v1/keys?userId=${f.env.admin.user.id}`, as: "member", status: 403, code: "forbidden", message: ADMIN_ONLY },
  { name: "member reads rate limits", method: "GET", path: "/api/v1/rate-limits", as: "member", status: 403, code: "forbidden", message: ADMIN_ONLY },
  { name: "member sets a rate limit", method: "PUT", path: "/api/v1/rate-limits/member", as: "member", request: { json: { policy: "1000/1m" } }, status: 403, code: "forbidden", message: ADMIN_ONLY },
  { name: "member invites", method: "POST", path: "/api/v1/invites", as: "member", request: { json: { email: "friend@example.test" } }, status: 403, code: "forbidden", message: ADMIN_ONLY },
  { name: "member registers a command tool", method: "POST", path: "/api/v1/command-tools", as: "member", request: { json: HELLO_TOOL }, status: 403, code: "forbidden", message: ADMIN_ONLY },
  { name: "member deletes a command tool", method: "DELETE", path: "/api/v1/command-tools/run_tests", as: "member", status: 403, code: "forbidden", message: ADMIN_ONLY },
  // An admin's key limited to some tools: no hub administration through it (it could mint admins and unlimited keys).
  { name: "tool-limited admin key creates an admin", method: "POST", path: "/api/v1/users", as: "narrowAdmin", request: { json: { email: "escalated@example.test", role: "admin" } }, status: 403, code: "forbidden", message: NARROW_KEY },
  { name: "tool-limited admin key lists users", method: "GET", path: "/api/v1/users", as: "narrowAdmin", status: 403, code: "forbidden", message: NARROW_KEY },
  { name: "tool-limited admin key changes a user", method: "PATCH", path: (f) => `/api/v1/users/${f.env.member.user.id}`, as: "narrowAdmin", request: { json: { role: "admin" } }, status: 403, code: "forbidden", message: NARROW_KEY },
  { name: "tool-limited admin key registers a command tool", method: "POST", path: "/api/v1/command-tools", as: "narrowAdmin", request: { json: { ...HELLO_TOOL, name: "escalated_tool" } }, status: 403, code: "forbidden", message: NARROW_KEY },
  { name: "tool-limited admin key grants a tool", method: "POST", path: "/api/v1/tools/read_file/grants", as: "narrowAdmin", request: { json: { role: "member" } }, status: 403, code: "forbidden", message: NARROW_KEY },
  { name: "tool-limited admin key sets a rate limit", method: "PUT", path: "/api/v1/rate-limits/member", as: "narrowAdmin", request: { json: { policy: "100000/1m" } }, status: 403, code: "forbidden", message: NARROW_KEY },
  { name: "tool-limited admin key invites", method: "POST", path: "/api/v1/invites", as: "narrowAdmin", request: { json: { email: "escalated-invite@example.test", role: "admin" } }, status: 403, code: "forbidden", message: NARROW_KEY },
  { name: "tool-limited admin key reads the audit log", method: "GET", path: "/api/v1/audit", as: "narrowAdmin", status: 403, code: "forbidden", message: NARROW_KEY },
  { name: "tool-limited admin key lists another user's keys", method: "GET", path: (f) => `/api/v1/keys?userId=${f.env.member.user.id}`, as: "narrowAdmin", status: 403, code: "forbidden", message: NARROW_KEY },
  { name: "tool-limited admin key reads another user's usage", method: "GET", path: (f) => `/api/v1/usage?userId=${f.env.member.user.id}`, as: "narrowAdmin", status: 403, code: "forbidden", message: NARROW_KEY },
  { name: "tool-limited admin key browses another user's calls", method: "GET", path: (f) => `/api/v1/usage/calls?userId=${f.env.member.user.id}`, as: "narrowAdmin", status: 403, code: "forbidden", message: NARROW_KEY },
  { name: "tool-limited admin key revokes another user's key", method: "DELETE", path: (f) => `/api/v1/keys/${f.bystander.keyId}`, as: "narrowAdmin", status: 404, code: "not_found", message: (f) => `API key ${f.bystander.keyId} not found` },
  { name: "tool-limited admin key mints an unrestricted key", method: "POST", path: "/api/v1/keys", as: "narrowAdmin", request: { json: { name: "broader", lifetime: "never" } }, status: 403, code: "forbidden", message: "This API key is limited to echo; it cannot mint a key for (all tools)." },
  { name: "narrow key mints an unrestricted key", method: "POST", path: "/api/v1/keys", as: "narrow", request: { json: { name: "broader" } }, status: 403, code: "forbidden", message: "This API key is limited to echo; it cannot mint a key for (all tools)." },
  { name: "narrow key mints a key for another tool", method: "POST", path: "/api/v1/keys", as: "narrow", request: { json: { name: "broader", tools: ["echo", "read_note"] } }, status: 403, code: "forbidden", message: "This API key is limited to echo; it cannot mint a key for read_note." },

  // CSRF: cookie-authenticated changes need a same-origin request.
  { name: "cookie POST from another site", method: "POST", path: "/api/v1/keys", as: "memberCookie", request: { origin: EVIL_ORIGIN, json: { name: "csrf" } }, status: 403, code: "forbidden", message: CROSS_SITE_EVIL },
  { name: "cookie POST without Origin", method: "POST", path: "/api/v1/keys", as: "memberCookie", request: { json: { name: "csrf" } }, status: 403, code: "forbidden", message: CROSS_SITE_NO_ORIGIN },
  { name: "cookie POST marked cross-site", method: "POST", path: "/api/v1/keys", as: "memberCookie", request: { secFetchSite: "cross-site", json: { name: "csrf" } }, status: 403, code: "forbidden", message: CROSS_SITE_NO_ORIGIN },
  { name: "cookie DELETE from another site", method: "DELETE", path: (f) => `/api/v1/keys/${f.env.member.keyId}`, as: "memberCookie", request: { origin: EVIL_ORIGIN }, status: 403, code: "forbidden", message: CROSS_SITE_EVIL },
  { name: "cookie POST with a malformed Origin", method: "POST", path: "/api/v1/keys", as: "memberCookie", request: { origin: "null", json: { name: "csrf" } }, status: 403, code: "forbidden", message: "Cross-site request refused: Origin null is not this hub." },

  // Bodies: 400 when not JSON, 413 when too large, 422 when JSON of the wrong shape.
  { name: "body is not JSON", method: "POST", path: "/api/v1/keys", as: "admin", request: { raw: { body: "{name:", contentType: "application/json" } }, status: 400, code: "invalid_request", message: "Request body is not valid JSON." },
  { name: "body sent as a form", method: "POST", path: "/api/v1/keys", as: "admin", request: { raw: { body: "name=x", contentType: "application/x-www-form-urlencoded" } }, status: 400, code: "invalid_request", message: "Send the request body as JSON with Content-Type: application/json." },
  { name: "body too large", method: "POST", path: "/api/v1/users", as: "admin", request: { json: { email: "a@example.test", name: "x".repeat(1_100_000) } }, status: 413, code: "payload_too_large", message: "Request body exceeds 1048576 bytes." },
  { name: "key without a name", method: "POST", path: "/api/v1/keys", as: "admin", request: { json: {} }, status: 422, code: "validation_failed", message: "Invalid request body: name: Invalid input: expected string, received undefined" },
  { name: "key with an unknown lifetime", method: "POST", path: "/api/v1/keys", as: "admin", request: { json: { name: "x", lifetime: "5y" } }, status: 422, code: "validation_failed", message: 'Invalid request body: lifetime: Invalid option: expected one of "never"|"7d"|"30d"|"90d"|"365d"' },
  { name: "key for a tool the member may not use", method: "POST", path: "/api/v1/keys", as: "member", request: { json: { name: "x", tools: ["read_file"] } }, status: 422, code: "validation_failed", message: "You may not use: read_file" },
  { name: "user with a bad email", method: "POST", path: "/api/v1/users", as: "admin", request: { json: { email: "not-an-email" } }, status: 422, code: "validation_failed", message: "Invalid request body: email: Enter a valid email address" },
  { name: "user with an unknown field", method: "POST", path: "/api/v1/users", as: "admin", request: { json: { email: "new@example.test", admin: true } }, status: 422, code: "validation_failed", message: 'Invalid request body: Unrecognized key: "admin"' },
  { name: "empty user change", method: "PATCH", path: (f) => `/api/v1/users/${f.env.member.user.id}`, as: "admin", request: { json: {} }, status: 422, code: "validation_failed", message: "Invalid request body: Give role, disabled and/or maxLiveKeys" },
  { name: "empty tool change", method: "PATCH", path: "/api/v1/tools/echo", as: "admin", request: { json: {} }, status: 422, code: "validation_failed", message: "Invalid request body: Give enabled and/or deprecation" },
  { name: "deprecation with a past sunset", method: "PATCH", path: "/api/v1/tools/echo", as: "admin", request: { json: { deprecation: { sunset: "2026-01-01T00:00:00Z" } } }, status: 422, code: "validation_failed", message: "The sunset 1 Jan 2026, 00:00 UTC is not in the future: pick a later date, or disable it to withdraw it now." },
  { name: "deprecation replaced by a missing tool", method: "PATCH", path: "/api/v1/tools/echo", as: "admin", request: { json: { deprecation: { replacement: "nope" } } }, status: 422, code: "validation_failed", message: "Replacement tool nope does not exist." },
  { name: "grant to both a role and a user", method: "POST", path: "/api/v1/tools/read_file/grants", as: "admin", request: { json: { role: "member", userId: unknownId } }, status: 422, code: "validation_failed", message: "Invalid request body: Give exactly one of role or userId" },
  { name: "rate limit that is not a policy", method: "PUT", path: "/api/v1/rate-limits/member", as: "admin", request: { json: { policy: "fast" } }, status: 422, code: "validation_failed", message: `Invalid request body: policy: ${badPolicy.ok ? "" : badPolicy.message}` },
  { name: "command tool without a title", method: "POST", path: "/api/v1/command-tools", as: "admin", request: { json: { ...HELLO_TOOL, name: "say_hello", title: undefined } }, status: 422, code: "validation_failed", message: "Invalid request body: title: Invalid input: expected string, received undefined" },
  { name: "command tool replacement naming itself", method: "PUT", path: "/api/v1/command-tools/run_tests", as: "admin", request: { json: HELLO_TOOL }, status: 422, code: "validation_failed", message: 'Invalid request body: Unrecognized key: "name"' },
  { name: "deleting a built-in tool", method: "DELETE", path: "/api/v1/command-tools/echo", as: "admin", status: 400, code: "invalid_request", message: "Tool echo is built in; disable it instead of deleting it." },

  // Queries: 400.
  { name: "unknown usage range", method: "GET", path: "/api/v1/usage?range=2d", as: "admin", status: 400, code: "invalid_request", message: 'Invalid query parameters: range: Invalid option: expected one of "1h"|"24h"|"7d"|"30d"' },
  { name: "unknown call status", method: "GET", path: "/api/v1/usage/calls?status=bogus", as: "member", status: 400, code: "invalid_request", message: 'Invalid query parameters: status: Invalid option: expected one of "ok"|"error"|"denied"|"rate_limited"|"invalid"' },
  { name: "call-log server named with its tool prefix", method: "GET", path: "/api/v1/usage/calls?server=everything__", as: "member", status: 400, code: "invalid_request", message: "Invalid query parameters: server: must be 1-32 lowercase letters, digits or hyphens (no underscores), e.g. github or files-2" },
  { name: "call-log server name over 32 characters", method: "GET", path: `/api/v1/usage/calls?server=${"a".repeat(33)}`, as: "member", status: 400, code: "invalid_request", message: "Invalid query parameters: server: must be 1-32 lowercase letters, digits or hyphens (no underscores), e.g. github or files-2" },
  { name: "bad audit cursor", method: "GET", path: "/api/v1/audit?cursor=abc", as: "admin", status: 400, code: "invalid_request", message: "Invalid query parameters: cursor: Use the nextCursor of the previous page" },

  // Unknown things: 404; conflicts: 409.
  { name: "unknown endpoint", method: "GET", path: "/api/v1/nope", as: "admin", status: 404, code: "not_found", message: "No API endpoint GET /api/v1/nope" },
  { name: "unknown tool", method: "PATCH", path: "/api/v1/tools/no_such_tool", as: "admin", request: { json: { enabled: false } }, status: 404, code: "not_found", message: "Tool no_such_tool does not exist." },
  { name: "grant of an unknown tool", method: "POST", path: "/api/v1/tools/no_such_tool/grants", as: "admin", request: { json: { role: "member" } }, status: 404, code: "not_found", message: "Tool no_such_tool not found" },
  { name: "grant to an unknown user", method: "POST", path: "/api/v1/tools/read_file/grants", as: "admin", request: { json: { userId: unknownId } }, status: 404, code: "not_found", message: `User ${unknownId} not found` },
  { name: "removal of a grant that does not exist", method: "DELETE", path: "/api/v1/tools/read_file/grants", as: "admin", request: { json: { role: "member" } }, status: 404, code: "not_found", message: "Tool grant not found" },
  { name: "unknown user id", method: "PATCH", path: `/api/v1/users/${unknownId}`, as: "admin", request: { json: { role: "admin" } }, status: 404, code: "not_found", message: `User ${unknownId} not found` },
  { name: "malformed user id", method: "PATCH", path: "/api/v1/users/42", as: "admin", request: { json: { role: "admin" } }, status: 404, code: "not_found", message: "User 42 not found" },
  { name: "unknown key id", method: "DELETE", path: `/api/v1/keys/${unknownId}`, as: "admin", status: 404, code: "not_found", message: `API key ${unknownId} not found` },
  { name: "member revokes another user's key", method: "DELETE", path: (f) => `/api/v1/keys/${f.env.admin.keyId}`, as: "member", status: 404, code: "not_found", message: (f) => `API key ${f.env.admin.keyId} not found` },
  { name: "demoting the last admin", method: "PATCH", path: (f) => `/api/v1/users/${f.env.admin.user.id}`, as: "admin", request: { json: { role: "member" } }, status: 409, code: "conflict", message: "This is the last enabled admin: make another user admin first" },
  { name: "disabling the last admin", method: "PATCH", path: (f) => `/api/v1/users/${f.env.admin.user.id}`, as: "admin", request: { json: { disabled: true } }, status: 409, code: "conflict", message: "This is the last enabled admin: make another user admin first" },
  { name: "unknown role's rate limit", method: "PUT", path: "/api/v1/rate-limits/owner", as: "admin", request: { json: { policy: "10/1m" } }, status: 404, code: "not_found", message: "Role owner not found: expected one of admin, member" },
  { name: "deleting an unknown command tool", method: "DELETE", path: "/api/v1/command-tools/nope", as: "admin", status: 404, code: "not_found", message: "Tool nope does not exist." },
  { name: "replacing an unknown command tool", method: "PUT", path: "/api/v1/command-tools/nope", as: "admin", request: { json: { title: "Nope", description: "Nope", argv: ["true"] } }, status: 404, code: "not_found", message: "Command tool nope does not exist." },
  { name: "command tool named like an existing tool", method: "POST", path: "/api/v1/command-tools", as: "admin", request: { json: HELLO_TOOL }, status: 409, code: "conflict", message: "A tool named echo already exists." },
  { name: "invitation for an existing user", method: "POST", path: "/api/v1/invites", as: "admin", request: { json: { email: "member@example.test" } }, status: 409, code: "conflict", message: "A user with email member@example.test already exists" },
  { name: "user whose email is taken", method: "POST", path: "/api/v1/users", as: "admin", request: { json: { email: "Member@Example.test" } }, status: 409, code: "conflict", message: "A user with email member@example.test already exists" },
];

function credentialsOf(sender: Sender, fixture: Fixture): Pick<ApiRequest, "key" | "authorization" | "cookie"> {
  if (sender === "anonymous") return {};
  if (sender === "memberCookie") return { cookie: fixture.memberCookie };
  if (sender === "unknownKeyAndMemberCookie") return { key: unknownKey, cookie: fixture.memberCookie };
  if (typeof sender === "object") return sender;
  const seeded = { admin: fixture.env.admin, member: fixture.env.member, narrow: fixture.narrow, narrowAdmin: fixture.narrowAdmin, revoked: fixture.revoked, disabled: fixture.disabled }[sender];
  return { key: seeded.key };
}

describe("/api/v1 error cases", { timeout: 600_000 }, () => {
  let fixture: Fixture;

  before(async () => {
    const env = await startApiTestEnvironment();
    const narrow = await env.seedUser("narrow@example.test", Role.member, { allowedTools: ["echo"] });
    // A second key of the only admin (another admin would defeat the last-admin cases).
    const narrowAdminKey = await createApiKey({ userId: env.admin.user.id, name: "echo only", allowedTools: ["echo"], rateLimitPolicy: "1000/1m" });
    const narrowAdmin = { user: env.admin.user, key: narrowAdminKey.secret, keyId: narrowAdminKey.key.id };
    const bystander = await env.seedUser("bystander@example.test", Role.member);
    const revoked = await env.seedUser("revoked@example.test", Role.member);
    await revokeApiKey({ keyId: revoked.keyId, actor: CLI_ACTOR });
    const disabled = await env.seedUser("disabled@example.test", Role.member);
    await disableUser({ userId: disabled.user.id, actor: CLI_ACTOR });
    const memberCookie = await signInToConsole(env.hub.url, env.member.user.email, TEST_PASSWORD);
    fixture = { env, narrow, narrowAdmin, bystander, revoked, disabled, memberCookie, unknownId };
  });

  after(async () => {
    await fixture?.env.stop();
  });

  for (const errorCase of CASES) {
    test(`${errorCase.method} ${typeof errorCase.path === "string" ? errorCase.path : "…"}: ${errorCase.name} → ${errorCase.status} ${errorCase.code}`, async () => {
      const path = typeof errorCase.path === "string" ? errorCase.path : errorCase.path(fixture);
      const reply = await callApi(fixture.env.hub.url, errorCase.method, path, { ...errorCase.request, ...credentialsOf(errorCase.as, fixture) });
      const message = typeof errorCase.message === "string" ? errorCase.message : errorCase.message(fixture);
      assert.deepEqual({ status: reply.status, body: reply.body }, { status: errorCase.status, body: { error: { code: errorCase.code, message } } });
      assert.equal(reply.headers.get("content-type"), "application/json");
      assert.equal(reply.headers.get("cache-control"), "no-store");
      if (errorCase.status === 401) assert.match(reply.headers.get("www-authenticate") ?? "", /^Bearer /);
    });
  }

  test("a key over its rate limit gets 429 with Retry-After and RateLimit-* headers", async () => {
    const limited = await fixture.env.seedUser("limited@example.test", Role.member, { rateLimitPolicy: "2/1m" });
    const first = await callApi(fixture.env.hub.url, "GET", "/api/v1/me", { key: limited.key });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get("ratelimit-limit"), "2");
    assert.equal(first.headers.get("ratelimit-remaining"), "1");
    assert.equal((await callApi(fixture.env.hub.url, "GET", "/api/v1/keys", { key: limited.key })).status, 200);
    const refused = await callApi(fixture.env.hub.url, "GET", "/api/v1/me", { key: limited.key });
    assert.deepEqual(
      { status: refused.status, body: refused.body },
      { status: 429, body: { error: { code: "rate_limited", message: refused.body?.error?.message } } },
    );
    assert.match(refused.body.error.message, /^Rate limit exceeded: 2 requests per 60 s\. Retry in \d+ s\.$/);
    assert.ok(Number(refused.headers.get("retry-after")) >= 1);
    assert.equal(refused.headers.get("ratelimit-limit"), "2");
    assert.equal(refused.headers.get("ratelimit-remaining"), "0");
  });

  test("a chunked body over the cap (no Content-Length) gets 413", async () => {
    // Streamed in 64 KiB chunks, 2 MiB in all: the hub must refuse it by counting, not by a header.
    const chunk = new TextEncoder().encode(`"${"x".repeat(65_534)}"`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 32) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${fixture.env.hub.url}/api/v1/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${fixture.env.admin.key}`, "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    assert.deepEqual({ status: response.status, body: await response.json() }, { status: 413, body: { error: { code: "payload_too_large", message: "Request body exceeds 1048576 bytes." } } });
    // The unread rest must not wedge the connection: it is closed, and the next request is served at once.
    assert.equal(response.headers.get("connection"), "close");
    const next = await fetch(`${fixture.env.hub.url}/api/v1/me`, { headers: { authorization: `Bearer ${fixture.env.admin.key}` }, signal: AbortSignal.timeout(10_000) });
    assert.equal(next.status, 200);
  });

  test("a cookie-authenticated GET needs no same-origin proof (reads change nothing)", async () => {
    const reply = await callApi(fixture.env.hub.url, "GET", "/api/v1/keys", { cookie: fixture.memberCookie, origin: EVIL_ORIGIN });
    assert.equal(reply.status, 200);
    assert.ok(Array.isArray(reply.body.keys));
  });
});
