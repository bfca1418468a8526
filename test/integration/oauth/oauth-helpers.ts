import { createHash, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { createClientIpSource } from "@/test/helpers/fresh-client-ip";

// Every raw request comes from an address of its own (the test hub trusts X-Forwarded-For):
// the refusal cases fail on purpose, and one address would soon be over its failure budget.
const nextClientIp = createClientIpSource();

/** A PKCE pair (RFC 7636, S256). */
export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** POST a form to the token (or revocation) endpoint; resolves status and parsed body. */
export async function postForm(url: string, form: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": nextClientIp() }, body: new URLSearchParams(form) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** RFC 7591 registration of a public client with these redirect URIs; resolves its client_id. */
export async function registerClient(hubUrl: string, redirectUris: string[], name = "Raw HTTP test client"): Promise<string> {
  const response = await fetch(`${hubUrl}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": nextClientIp() },
    body: JSON.stringify({ client_name: name, redirect_uris: redirectUris, grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "none" }),
  });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { client_id: string }).client_id;
}

/** The authorization URL a client would open. */
export function authorizationUrl(hubUrl: string, params: Record<string, string>): string {
  const url = new URL(`${hubUrl}/oauth/authorize`);
  for (const [name, value] of Object.entries({ response_type: "code", code_challenge_method: "S256", ...params })) url.searchParams.set(name, value);
  return url.href;
}

/**
 * An access token signed with the hub's own key (derived from its AUTH_SECRET as the hub does)
 * but with claims the hub must refuse: an adversary who somehow held the key, or a token for
 * another audience, or one past its expiry.
 */
export async function forgeAccessToken(authSecret: string, claims: { iss: string; aud: string; sub: string; grantId: string; exp: number }): Promise<string> {
  const key = new Uint8Array(hkdfSync("sha256", authSecret, "", "switchboard oauth access token", 32));
  return new SignJWT({ client_id: "forged", grant_id: claims.grantId })
    .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
    .setIssuer(claims.iss)
    .setAudience(claims.aud)
    .setSubject(claims.sub)
    .setIssuedAt(claims.exp - 900)
    .setExpirationTime(claims.exp)
    .setJti(randomUUID())
    .sign(key);
}

/** An X-Forwarded-For header with an address no other request used. */
export function freshIpHeader(): { "x-forwarded-for": string } {
  return { "x-forwarded-for": nextClientIp() };
}

/** The JWT payload (unverified), to read claims in assertions. */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
}

/** Streamable HTTP initialize with a bearer; resolves the status, headers and text. */
export async function initializeMcp(hubUrl: string, authorization: string | undefined): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${hubUrl}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "x-forwarded-for": nextClientIp(),
      ...(authorization ? { authorization } : {}),
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "oauth-raw-test", version: "1.0.0" } } }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
