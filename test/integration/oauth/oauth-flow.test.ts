import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { Client, StreamableHTTPClientTransport, UnauthorizedError, type OAuthClientProvider } from "@modelcontextprotocol/client";
import { getPrisma } from "@/lib/db/prisma";
import { Role } from "@/lib/generated/prisma/enums";
import { hashApiKey } from "@/lib/api-keys/hash-api-key";
import { withTimeout } from "@/test/helpers/with-timeout";
import { openRawEventStream } from "@/test/integration/mcp/open-raw-event-stream";
import { launchConsentBrowser, type ConsentBrowser } from "./approve-in-browser";
import { authorizationUrl, createPkce, decodeJwtPayload, forgeAccessToken, freshIpHeader, initializeMcp, postForm, registerClient } from "./oauth-helpers";
import { startCallbackServer, type CallbackServer } from "./start-callback-server";
import { startApiTestEnvironment, TEST_PASSWORD, type ApiTestEnvironment } from "@/test/integration/api/api-test-environment";

let env: ApiTestEnvironment;
// The hub's AUTH_SECRET, so tests can forge tokens signed with the right key (expired, other audience).
const authSecret = randomBytes(32).toString("hex");
let browser: ConsentBrowser;
let callback: CallbackServer;
let hubUrl: string;

before(async () => {
  // Trusting X-Forwarded-For lets each refused request come from an address of its own.
  env = await startApiTestEnvironment({ AUTH_SECRET: authSecret, SWITCHBOARD_TRUST_PROXY: "true" });
  hubUrl = env.hub.url;
  browser = await launchConsentBrowser(hubUrl);
  callback = await startCallbackServer();
});

after(async () => {
  await browser?.close();
  await callback?.close();
  await env?.stop();
});

const memberAccount = () => ({ email: env.member.user.email, password: TEST_PASSWORD });

/** Signs the member in through the browser and exchanges the code: the whole raw flow, once. */
async function authorizeMember(clientId: string, options: { tools?: string[] } = {}): Promise<{ access_token: string; refresh_token: string; expires_in: number; token_type: string }> {
  const { verifier, challenge } = createPkce();
  const state = `state-${Math.random()}`;
  const url = authorizationUrl(hubUrl, { client_id: clientId, redirect_uri: callback.redirectUri, code_challenge: challenge, state, resource: `${hubUrl}/mcp` });
  const received = callback.nextCallback();
  await browser.authorize(url, memberAccount(), { tools: options.tools });
  const params = await received;
  assert.equal(params.get("state"), state, "state comes back unchanged");
  assert.equal(params.get("iss"), hubUrl, "the authorization response names its issuer (RFC 9207)");
  const code = params.get("code");
  assert.ok(code, `a code in the callback: ${params}`);
  const reply = await postForm(`${hubUrl}/oauth/token`, { grant_type: "authorization_code", code, code_verifier: verifier, client_id: clientId, redirect_uri: callback.redirectUri, resource: `${hubUrl}/mcp` });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  assert.equal(reply.headers.get("cache-control"), "no-store");
  return reply.body;
}

/** A code issued straight into the database for a registered client, as the consent page's service would. */
async function seedCode(clientId: string, challenge: string, overrides: { expiresAt?: Date; resource?: string } = {}): Promise<string> {
  const client = await getPrisma().oAuthClient.findUniqueOrThrow({ where: { clientId } });
  const code = `seeded-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  await getPrisma().oAuthAuthorizationCode.create({
    data: {
      codeHash: hashApiKey(code),
      clientId: client.id,
      userId: env.member.user.id,
      redirectUri: callback.redirectUri,
      codeChallenge: challenge,
      resource: overrides.resource ?? `${hubUrl}/mcp`,
      expiresAt: overrides.expiresAt ?? new Date(Date.now() + 60_000),
    },
  });
  return code;
}

describe("discovery", () => {
  test("a 401 from /mcp and /sse points at the endpoint's protected resource metadata", async () => {
    const mcp = await initializeMcp(hubUrl, undefined);
    assert.equal(mcp.status, 401);
    assert.equal(mcp.headers.get("www-authenticate"), `Bearer realm="switchboard", resource_metadata="${hubUrl}/.well-known/oauth-protected-resource/mcp"`);
    const sse = await fetch(`${hubUrl}/sse`, { headers: { accept: "text/event-stream", ...freshIpHeader() } });
    assert.equal(sse.status, 401);
    assert.equal(sse.headers.get("www-authenticate"), `Bearer realm="switchboard", resource_metadata="${hubUrl}/.well-known/oauth-protected-resource/sse"`);
    const badToken = await initializeMcp(hubUrl, "Bearer a.b.c");
    assert.equal(badToken.headers.get("www-authenticate"), `Bearer realm="switchboard", resource_metadata="${hubUrl}/.well-known/oauth-protected-resource/mcp", error="invalid_token"`);
    assert.deepEqual(JSON.parse(badToken.text), { error: { code: "unauthorized", message: "Invalid access token: sign in again." } });
  });

  test("protected resource metadata (RFC 9728) and authorization server metadata (RFC 8414)", async () => {
    for (const [path, resource] of [["/mcp", `${hubUrl}/mcp`], ["/sse", `${hubUrl}/sse`], ["", hubUrl]]) {
      const response = await fetch(`${hubUrl}/.well-known/oauth-protected-resource${path}`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { resource, authorization_servers: [hubUrl], bearer_methods_supported: ["header"], resource_name: "Switchboard" });
    }
    const unknown = await fetch(`${hubUrl}/.well-known/oauth-protected-resource/other`);
    assert.equal(unknown.status, 404);
    const metadata = (await (await fetch(`${hubUrl}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
    assert.equal(metadata.issuer, hubUrl);
    assert.equal(metadata.authorization_endpoint, `${hubUrl}/oauth/authorize`);
    assert.equal(metadata.token_endpoint, `${hubUrl}/oauth/token`);
    assert.equal(metadata.registration_endpoint, `${hubUrl}/oauth/register`);
    assert.deepEqual(metadata.code_challenge_methods_supported, ["S256"]);
    assert.deepEqual(metadata.response_types_supported, ["code"]);
    assert.equal(metadata.authorization_response_iss_parameter_supported, true);
    assert.equal(metadata.client_id_metadata_document_supported, true);
  });
});

describe("raw HTTP flow", () => {
  test("register, sign in, consent, exchange, call MCP and the API, rotate, and a reused refresh token revokes the family", async () => {
    const clientId = await registerClient(hubUrl, [callback.redirectUri]);
    const tokens = await authorizeMember(clientId);
    assert.equal(tokens.token_type, "Bearer");
    assert.equal(tokens.expires_in, 900);
    const claims = decodeJwtPayload(tokens.access_token);
    assert.equal(claims.aud, `${hubUrl}/mcp`);
    assert.equal(claims.sub, env.member.user.id);

    const stored = await getPrisma().oAuthRefreshToken.findMany({ select: { tokenHash: true } });
    assert.ok(stored.every((row) => row.tokenHash !== tokens.refresh_token) && stored.some((row) => row.tokenHash === hashApiKey(tokens.refresh_token)), "refresh tokens are stored hashed");

    const init = await initializeMcp(hubUrl, `Bearer ${tokens.access_token}`);
    assert.equal(init.status, 200, init.text);
    assert.match(init.text, /"serverInfo"/);
    const me = await fetch(`${hubUrl}/api/v1/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { user: { email: string } }).user.email, env.member.user.email);

    const rotated = await postForm(`${hubUrl}/oauth/token`, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId });
    assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
    assert.notEqual(rotated.body.refresh_token, tokens.refresh_token);
    assert.equal((await initializeMcp(hubUrl, `Bearer ${rotated.body.access_token}`)).status, 200);

    const reused = await postForm(`${hubUrl}/oauth/token`, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId });
    assert.equal(reused.status, 400);
    assert.deepEqual(reused.body, { error: "invalid_grant", error_description: "This refresh token was already used, so a copy exists: every token of this authorization is revoked. Sign in again." });
    const afterReuse = await initializeMcp(hubUrl, `Bearer ${rotated.body.access_token}`);
    assert.equal(afterReuse.status, 401);
    assert.deepEqual(JSON.parse(afterReuse.text), { error: { code: "unauthorized", message: "Authorization revoked: sign in again." } });
    const newest = await postForm(`${hubUrl}/oauth/token`, { grant_type: "refresh_token", refresh_token: rotated.body.refresh_token, client_id: clientId });
    assert.deepEqual(newest.body, { error: "invalid_grant", error_description: "This authorization was revoked. Sign in again." });
  });

  test("Deny sends access_denied back with state and iss; a narrowed consent limits the tools", async () => {
    const clientId = await registerClient(hubUrl, [callback.redirectUri], "Deny test client");
    const { challenge } = createPkce();
    const received = callback.nextCallback();
    await browser.authorize(authorizationUrl(hubUrl, { client_id: clientId, redirect_uri: callback.redirectUri, code_challenge: challenge, state: "s1" }), memberAccount(), { deny: true });
    const params = await received;
    assert.equal(params.get("error"), "access_denied");
    assert.equal(params.get("state"), "s1");
    assert.equal(params.get("iss"), hubUrl);
    assert.equal(params.get("code"), null);

    const narrowed = await authorizeMember(clientId, { tools: ["echo"] });
    const grant = await getPrisma().apiKey.findUniqueOrThrow({ where: { id: String(decodeJwtPayload(narrowed.access_token).grant_id) } });
    assert.deepEqual(grant.allowedTools, ["echo"]);
    assert.equal(grant.name, "Deny test client");
    assert.equal(grant.hash, null, "a grant has no secret of its own");
  });

  test("Client ID Metadata Document: the hub fetches the client's URL (loopback allowed for a loopback hub)", async () => {
    const { createServer } = await import("node:http");
    let fetches = 0;
    const server = createServer((request, response) => {
      fetches += 1;
      const self = `http://127.0.0.1:${(server.address() as { port: number }).port}/client.json`;
      if (request.url === "/client.json") {
        response.writeHead(200, { "content-type": "application/json", "cache-control": "max-age=600" });
        response.end(JSON.stringify({ client_id: self, client_name: "Metadata Document Client", redirect_uris: ["http://127.0.0.1/callback"], token_endpoint_auth_method: "none" }));
      } else if (request.url === "/wrong-id.json") {
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ client_id: "https://elsewhere.example/client.json", client_name: "x", redirect_uris: ["http://127.0.0.1/callback"] }));
      } else if (request.url === "/huge.json") {
        response.writeHead(200, { "content-type": "application/json" }).end(`{"pad":"${"x".repeat(70_000)}"}`);
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      // Loopback redirect URI registered without a port: any port matches (RFC 8252 §7.3).
      const tokens = await authorizeMember(`${base}/client.json`);
      assert.equal((await initializeMcp(hubUrl, `Bearer ${tokens.access_token}`)).status, 200);
      const client = await getPrisma().oAuthClient.findUniqueOrThrow({ where: { clientId: `${base}/client.json` } });
      assert.equal(client.kind, "metadata_document");
      assert.equal(client.name, "Metadata Document Client");
      const fetchedOnce = fetches;
      await authorizeMember(`${base}/client.json`);
      assert.equal(fetches, fetchedOnce, "the document is cached (max-age=600)");

      const wrongId = await browser.pageText(authorizationUrl(hubUrl, { client_id: `${base}/wrong-id.json`, redirect_uri: callback.redirectUri, code_challenge: createPkce().challenge }), memberAccount());
      assert.match(wrongId, /must name itself as client_id/);
      const huge = await browser.pageText(authorizationUrl(hubUrl, { client_id: `${base}/huge.json`, redirect_uri: callback.redirectUri, code_challenge: createPkce().challenge }), memberAccount());
      assert.match(huge, /larger than 65536 bytes/);
      const privateNet = await browser.pageText(authorizationUrl(hubUrl, { client_id: "http://10.0.0.1/client.json", redirect_uri: callback.redirectUri, code_challenge: createPkce().challenge }), memberAccount());
      assert.match(privateNet, /private address/);
    } finally {
      server.close();
    }
  });

  test("the authorization endpoint refuses an unregistered redirect URI on the page, and another resource by redirecting invalid_target", async () => {
    const clientId = await registerClient(hubUrl, [callback.redirectUri], "Redirect test client");
    const { challenge } = createPkce();
    const text = await browser.pageText(authorizationUrl(hubUrl, { client_id: clientId, redirect_uri: "https://evil.example/callback", code_challenge: challenge }), memberAccount());
    assert.match(text, /This sign-in link cannot be used/);
    assert.match(text, /The redirect URI https:\/\/evil\.example\/callback is not registered for Redirect test client\./);

    const received = callback.nextCallback();
    await browser.follow(authorizationUrl(hubUrl, { client_id: clientId, redirect_uri: callback.redirectUri, code_challenge: challenge, resource: "https://other.example/mcp", state: "t" }), memberAccount());
    const params = await received;
    assert.equal(params.get("error"), "invalid_target");
    assert.equal(params.get("state"), "t");
    assert.equal(params.get("iss"), hubUrl);
  });
});

describe("refusals", () => {
  let clientId: string;
  let grantToken: { access_token: string; refresh_token: string };
  before(async () => {
    clientId = await registerClient(hubUrl, [callback.redirectUri], "Refusal test client");
    const { verifier, challenge } = createPkce();
    const code = await seedCode(clientId, challenge);
    const reply = await postForm(`${hubUrl}/oauth/token`, { grant_type: "authorization_code", code, code_verifier: verifier, client_id: clientId, redirect_uri: callback.redirectUri });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    grantToken = reply.body;
  });

  const tokenCases: Array<[string, (pkce: { verifier: string; challenge: string }) => Promise<Record<string, string>>, number, () => Record<string, string>]> = [
    [
      "a wrong verifier",
      async ({ challenge }) => ({ grant_type: "authorization_code", code: await seedCode(clientId, challenge), code_verifier: createPkce().verifier, client_id: clientId, redirect_uri: callback.redirectUri }),
      400,
      () => ({ error: "invalid_grant", error_description: "code_verifier does not match the code_challenge." }),
    ],
    [
      "a wrong redirect URI",
      async ({ verifier, challenge }) => ({ grant_type: "authorization_code", code: await seedCode(clientId, challenge), code_verifier: verifier, client_id: clientId, redirect_uri: "http://127.0.0.1:1/other" }),
      400,
      () => ({ error: "invalid_grant", error_description: "redirect_uri differs from the one the code was issued for." }),
    ],
    [
      "a token request for another resource",
      async ({ verifier, challenge }) => ({ grant_type: "authorization_code", code: await seedCode(clientId, challenge), code_verifier: verifier, client_id: clientId, redirect_uri: callback.redirectUri, resource: "https://other.example/mcp" }),
      400,
      () => ({ error: "invalid_target", error_description: `The code was issued for ${hubUrl}/mcp.` }),
    ],
    [
      "an expired code",
      async ({ verifier, challenge }) => ({ grant_type: "authorization_code", code: await seedCode(clientId, challenge, { expiresAt: new Date(Date.now() - 1000) }), code_verifier: verifier, client_id: clientId, redirect_uri: callback.redirectUri }),
      400,
      () => ({ error: "invalid_grant", error_description: "The authorization code expired. Sign in again." }),
    ],
    [
      "another client's code",
      async ({ verifier, challenge }) => ({ grant_type: "authorization_code", code: await seedCode(clientId, challenge), code_verifier: verifier, client_id: await registerClient(hubUrl, [callback.redirectUri], "Other client"), redirect_uri: callback.redirectUri }),
      400,
      () => ({ error: "invalid_grant", error_description: "Unknown authorization code." }),
    ],
    ["an unknown client", async () => ({ grant_type: "authorization_code", code: "x", code_verifier: createPkce().verifier, client_id: "sbc_nope", redirect_uri: callback.redirectUri }), 401, () => ({ error: "invalid_client", error_description: "Unknown client_id: register the client first." })],
    ["an unsupported grant type", async () => ({ grant_type: "password", client_id: clientId }), 400, () => ({ error: "unsupported_grant_type", error_description: "grant_type must be authorization_code or refresh_token." })],
    ["an unknown refresh token", async () => ({ grant_type: "refresh_token", refresh_token: "sbr_unknown", client_id: clientId }), 400, () => ({ error: "invalid_grant", error_description: "Unknown refresh token." })],
  ];
  for (const [name, buildForm, status, body] of tokenCases) {
    test(`token endpoint refuses ${name}`, async () => {
      const reply = await postForm(`${hubUrl}/oauth/token`, await buildForm(createPkce()));
      assert.equal(reply.status, status);
      assert.deepEqual(reply.body, body());
    });
  }

  test("a reused code is refused and revokes the tokens issued for it", async () => {
    const { verifier, challenge } = createPkce();
    const code = await seedCode(clientId, challenge);
    const form = { grant_type: "authorization_code", code, code_verifier: verifier, client_id: clientId, redirect_uri: callback.redirectUri };
    const first = await postForm(`${hubUrl}/oauth/token`, form);
    assert.equal(first.status, 200);
    assert.equal((await initializeMcp(hubUrl, `Bearer ${first.body.access_token}`)).status, 200);
    const second = await postForm(`${hubUrl}/oauth/token`, form);
    assert.equal(second.status, 400);
    assert.deepEqual(second.body, { error: "invalid_grant", error_description: "This authorization code was already used; the tokens issued for it are revoked. Sign in again." });
    const revoked = await initializeMcp(hubUrl, `Bearer ${first.body.access_token}`);
    assert.deepEqual([revoked.status, JSON.parse(revoked.text)], [401, { error: { code: "unauthorized", message: "Authorization revoked: sign in again." } }]);
  });

  test("access tokens: tampered, expired, for another resource, or not JWT-shaped are refused with the envelope", async () => {
    const claims = decodeJwtPayload(grantToken.access_token);
    const base = { iss: hubUrl, sub: env.member.user.id, grantId: String(claims.grant_id) };
    const now = Math.floor(Date.now() / 1000);
    const [head, payload, signature] = grantToken.access_token.split(".");
    const flipped = `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
    const cases: Array<[string, string, string]> = [
      ["tampered signature", `Bearer ${head}.${payload}.${flipped}`, "Invalid access token: sign in again."],
      ["tampered payload", `Bearer ${head}.${Buffer.from(JSON.stringify({ ...claims, sub: env.admin.user.id })).toString("base64url")}.${signature}`, "Invalid access token: sign in again."],
      ["expired", `Bearer ${await forgeAccessToken(authSecret, { ...base, aud: `${hubUrl}/mcp`, exp: now - 60 })}`, "Access token expired: refresh it or sign in again."],
      ["another resource", `Bearer ${await forgeAccessToken(authSecret, { ...base, aud: "https://other.example/mcp", exp: now + 600 })}`, "Access token was issued for another resource: ask this hub for a token."],
      ["another issuer", `Bearer ${await forgeAccessToken(authSecret, { ...base, iss: "https://other.example", aud: `${hubUrl}/mcp`, exp: now + 600 })}`, "Invalid access token: sign in again."],
      ["signed with another key", `Bearer ${await forgeAccessToken("a".repeat(64), { ...base, aud: `${hubUrl}/mcp`, exp: now + 600 })}`, "Invalid access token: sign in again."],
    ];
    for (const [name, authorization, message] of cases) {
      for (const reply of [await initializeMcp(hubUrl, authorization), await fetch(`${hubUrl}/api/v1/me`, { headers: { authorization, ...freshIpHeader() } }).then(async (r) => ({ status: r.status, text: await r.text() }))]) {
        assert.equal(reply.status, 401, name);
        assert.deepEqual(JSON.parse(reply.text), { error: { code: "unauthorized", message } }, name);
      }
    }
    assert.equal((await initializeMcp(hubUrl, `Bearer ${grantToken.access_token}`)).status, 200, "the untampered token still works");
    assert.equal((await initializeMcp(hubUrl, `Bearer ${env.member.key}`)).status, 200, "API keys keep working");
  });

  test("a disabled user's tokens stop working and cannot be refreshed", async () => {
    const person = await env.seedUser("disabled-later@example.test", Role.member);
    const { verifier, challenge } = createPkce();
    const client = await getPrisma().oAuthClient.findUniqueOrThrow({ where: { clientId } });
    const code = `disabled-${Date.now()}`;
    await getPrisma().oAuthAuthorizationCode.create({ data: { codeHash: hashApiKey(code), clientId: client.id, userId: person.user.id, redirectUri: callback.redirectUri, codeChallenge: challenge, resource: `${hubUrl}/mcp`, expiresAt: new Date(Date.now() + 60_000) } });
    const tokens = (await postForm(`${hubUrl}/oauth/token`, { grant_type: "authorization_code", code, code_verifier: verifier, client_id: clientId, redirect_uri: callback.redirectUri })).body;
    assert.equal((await initializeMcp(hubUrl, `Bearer ${tokens.access_token}`)).status, 200);
    const disabled = await fetch(`${hubUrl}/api/v1/users/${person.user.id}`, { method: "PATCH", headers: { authorization: `Bearer ${env.admin.key}`, "content-type": "application/json" }, body: JSON.stringify({ disabled: true }) });
    assert.equal(disabled.status, 200, await disabled.text());
    const refused = await initializeMcp(hubUrl, `Bearer ${tokens.access_token}`);
    assert.deepEqual([refused.status, JSON.parse(refused.text)], [401, { error: { code: "unauthorized", message: "Account disabled: ask an admin to re-enable it." } }]);
    const refresh = await postForm(`${hubUrl}/oauth/token`, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId });
    assert.deepEqual([refresh.status, refresh.body], [400, { error: "invalid_grant", error_description: "Your account is disabled: ask an admin to re-enable it." }]);
  });

  test("an admin revokes a client: its tokens, refreshes and live sessions end; the list shows it revoked", async () => {
    const victim = await registerClient(hubUrl, [callback.redirectUri], "Revoked client");
    const { verifier, challenge } = createPkce();
    const tokens = (await postForm(`${hubUrl}/oauth/token`, { grant_type: "authorization_code", code: await seedCode(victim, challenge), code_verifier: verifier, client_id: victim, redirect_uri: callback.redirectUri })).body;
    const stream = await openRawEventStream({ port: Number(new URL(hubUrl).port), path: "/sse", headers: { authorization: `Bearer ${tokens.access_token}`, accept: "text/event-stream" } });
    assert.equal(stream.status, 200);
    const listed = (await (await fetch(`${hubUrl}/api/v1/oauth-clients`, { headers: { authorization: `Bearer ${env.admin.key}` } })).json()) as { clients: Array<{ id: string; clientId: string; activeGrants: number }> };
    const entry = listed.clients.find((client) => client.clientId === victim);
    assert.ok(entry);
    assert.equal(entry.activeGrants, 1);
    const memberTry = await fetch(`${hubUrl}/api/v1/oauth-clients/${entry.id}`, { method: "DELETE", headers: { authorization: `Bearer ${env.member.key}` } });
    assert.equal(memberTry.status, 403);
    const revoke = await fetch(`${hubUrl}/api/v1/oauth-clients/${entry.id}`, { method: "DELETE", headers: { authorization: `Bearer ${env.admin.key}` } });
    assert.deepEqual(await revoke.json(), { changed: true, revokedGrants: 1 });
    await withTimeout(stream.ended, 5_000, "the live SSE session was closed");
    const refused = await initializeMcp(hubUrl, `Bearer ${tokens.access_token}`);
    assert.deepEqual([refused.status, JSON.parse(refused.text)], [401, { error: { code: "unauthorized", message: "Authorization revoked: sign in again." } }]);
    const refresh = await postForm(`${hubUrl}/oauth/token`, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: victim });
    assert.deepEqual([refresh.status, refresh.body], [401, { error: "invalid_client", error_description: "This client has been revoked by an administrator." }]);
  });

  test("registration refuses what it cannot honour (RFC 7591 errors)", async () => {
    const cases: Array<[unknown, Record<string, string>]> = [
      [{ client_name: "x", redirect_uris: [] }, { error: "invalid_redirect_uri", error_description: "redirect_uris must list 1 to 10 redirect URIs" }],
      [{ client_name: "x", redirect_uris: ["http://evil.example/cb"] }, { error: "invalid_redirect_uri", error_description: "redirect URI http://evil.example/cb must use https (plain http only on 127.0.0.1, [::1] or localhost)" }],
      [{ client_name: "x", redirect_uris: ["javascript:alert(1)"] }, { error: "invalid_redirect_uri", error_description: "redirect URI javascript:alert(1) uses a scheme that cannot receive a code" }],
      [{ client_name: "x", redirect_uris: ["https://app.example/cb"], token_endpoint_auth_method: "client_secret_basic" }, { error: "invalid_client_metadata", error_description: 'token_endpoint_auth_method "client_secret_basic" is not supported: register a public client ("none") and use PKCE' }],
      [{ client_name: "x".repeat(101), redirect_uris: ["https://app.example/cb"] }, { error: "invalid_client_metadata", error_description: "client_name must be 1 to 100 characters" }],
    ];
    for (const [body, expected] of cases) {
      const response = await fetch(`${hubUrl}/oauth/register`, { method: "POST", headers: { "content-type": "application/json", ...freshIpHeader() }, body: JSON.stringify(body) });
      assert.equal(response.status, 400);
      assert.deepEqual(await response.json(), expected);
    }
  });

  test("registration is limited per client address: the 11th in an hour is a 429 in OAuth's shape with Retry-After, and adds no client", async () => {
    const address = freshIpHeader();
    const register = () =>
      fetch(`${hubUrl}/oauth/register`, { method: "POST", headers: { "content-type": "application/json", ...address }, body: JSON.stringify({ client_name: "Flood", redirect_uris: ["https://flood.example/cb"] }) });
    for (let i = 0; i < 10; i += 1) assert.equal((await register()).status, 201, `registration ${i + 1} of 10 is allowed`);
    const before = await getPrisma().oAuthClient.count();
    const refused = await register();
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    assert.ok(retryAfter >= 1 && retryAfter <= 3600, `Retry-After in seconds: ${refused.headers.get("retry-after")}`);
    assert.equal(refused.headers.get("ratelimit-limit"), "10");
    assert.equal(refused.headers.get("cache-control"), "no-store");
    assert.deepEqual(await refused.json(), {
      error: "temporarily_unavailable",
      error_description: `Too many client registrations from this address: at most 10 per 60 minutes. Retry in ${retryAfter} s, or reuse the client_id you registered.`,
    });
    assert.equal(await getPrisma().oAuthClient.count(), before, "a refused registration stores nothing");
    assert.ok(await registerClient(hubUrl, [callback.redirectUri], "Another address"), "another address still registers");
  });
});

describe("live-key cap", () => {
  test("an authorization counts toward the owner's live keys: at the cap Allow is refused on the consent page, and a code cannot mint a grant past it", async () => {
    const prisma = getPrisma();
    const userId = env.member.user.id;
    const liveKeys = () => prisma.apiKey.count({ where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } });
    const clientId = await registerClient(hubUrl, [callback.redirectUri], "Cap test client");
    const live = await liveKeys();
    await prisma.user.update({ where: { id: userId }, data: { maxLiveKeys: live } });
    try {
      const atCap = (count: number) => `${env.member.user.email} already has ${count} live API keys (the most allowed is ${count}; apps you authorized count as keys): revoke keys or apps you no longer use, or ask an admin to raise the limit.`;
      const expected = atCap(live);
      const codesBefore = await prisma.oAuthAuthorizationCode.count();
      const url = authorizationUrl(hubUrl, { client_id: clientId, redirect_uri: callback.redirectUri, code_challenge: createPkce().challenge, state: "cap", resource: `${hubUrl}/mcp` });
      assert.equal(await browser.allowRefused(url, memberAccount()), expected);
      assert.equal(await prisma.oAuthAuthorizationCode.count(), codesBefore, "no code is issued at the cap");

      // A code issued before the cap filled (here: seeded) is refused at the token endpoint, in the same transaction as the count.
      const { verifier, challenge } = createPkce();
      const code = await seedCode(clientId, challenge);
      const exchange = await postForm(`${hubUrl}/oauth/token`, { grant_type: "authorization_code", code, code_verifier: verifier, client_id: clientId, redirect_uri: callback.redirectUri });
      assert.deepEqual([exchange.status, exchange.body], [400, { error: "invalid_grant", error_description: expected }]);
      assert.equal(await liveKeys(), live, "no grant was created past the cap");

      // And a grant holds a slot a new API key then cannot take.
      await prisma.user.update({ where: { id: userId }, data: { maxLiveKeys: live + 1 } });
      await authorizeMember(clientId);
      assert.equal(await liveKeys(), live + 1);
      const mint = await fetch(`${hubUrl}/api/v1/keys`, { method: "POST", headers: { authorization: `Bearer ${env.member.key}`, "content-type": "application/json" }, body: JSON.stringify({ name: "one too many" }) });
      assert.equal(mint.status, 409);
      assert.deepEqual(await mint.json(), { error: { code: "conflict", message: atCap(live + 1) } });
    } finally {
      await prisma.user.update({ where: { id: userId }, data: { maxLiveKeys: null } });
    }
  });
});

describe("SDK client", () => {
  test("the SDK's OAuth provider discovers, registers, signs in through the browser, and calls a tool; calls are logged under the grant", async () => {
    let tokens: any;
    let clientInformation: any;
    let verifier = "";
    let pendingAuthorization: Promise<void> | undefined;
    const provider: OAuthClientProvider = {
      get redirectUrl() {
        return callback.redirectUri;
      },
      get clientMetadata() {
        return { client_name: "SDK test client", redirect_uris: [callback.redirectUri], grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "none" };
      },
      clientInformation: () => clientInformation,
      saveClientInformation: (information) => {
        clientInformation = information;
      },
      tokens: () => tokens,
      saveTokens: (saved) => {
        tokens = saved;
      },
      redirectToAuthorization: (url) => {
        pendingAuthorization = browser.authorize(url.href, memberAccount());
      },
      saveCodeVerifier: (saved) => {
        verifier = saved;
      },
      codeVerifier: () => verifier,
    };
    const transport = new StreamableHTTPClientTransport(new URL(`${hubUrl}/mcp`), { authProvider: provider });
    const client = new Client({ name: "oauth-sdk-test", version: "1.0.0" });
    const received = callback.nextCallback();
    await assert.rejects(client.connect(transport), UnauthorizedError);
    await pendingAuthorization;
    await transport.finishAuth(await received);
    assert.ok(tokens?.access_token, "tokens saved by the provider");
    const connected = new Client({ name: "oauth-sdk-test", version: "1.0.0" });
    await connected.connect(new StreamableHTTPClientTransport(new URL(`${hubUrl}/mcp`), { authProvider: provider }));
    try {
      const listed = await connected.listTools();
      assert.ok(listed.tools.some((tool) => tool.name === "echo"));
      const result = await connected.callTool({ name: "echo", arguments: { message: "hello over oauth" } });
      assert.notEqual(result.isError, true, JSON.stringify(result));
    } finally {
      await connected.close();
    }
    const grantId = String(decodeJwtPayload(tokens.access_token).grant_id);
    const grant = await getPrisma().apiKey.findUniqueOrThrow({ where: { id: grantId } });
    let logged: Array<{ keyPrefix: string | null; toolName: string }> = [];
    for (let attempt = 0; attempt < 50 && logged.length === 0; attempt += 1) {
      logged = await getPrisma().callLog.findMany({ where: { apiKeyId: grantId }, select: { keyPrefix: true, toolName: true } });
      if (logged.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(logged, [{ keyPrefix: grant.prefix, toolName: "echo" }], "the call log names the grant as it names a key");
  });
});
