import { createHash } from "node:crypto";
import { errors, jwtVerify } from "jose";
import type { Principal } from "@/lib/api-keys/principal";
import { stampKeyLastUsed } from "@/lib/api-keys/stamp-key-last-used";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { subscribeHubEvents } from "@/lib/events/hub-events";
import { getAccessTokenKey } from "@/lib/oauth/get-access-token-key";
import { getOAuthEndpoints } from "@/lib/oauth/get-oauth-endpoints";

export const ACCESS_TOKEN_MESSAGES = {
  invalid: "Invalid access token: sign in again.",
  expired: "Access token expired: refresh it or sign in again.",
  otherResource: "Access token was issued for another resource: ask this hub for a token.",
  revoked: "Authorization revoked: sign in again.",
  disabledUser: "Account disabled: ask an admin to re-enable it.",
} as const;

// Same freshness as the key cache (resolvePrincipal): a revocation elsewhere is seen within 5 s,
// one here at once (hub events); a token is never served past its own expiry.
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { until: number; principal: Principal }>();
let generation = 0;
let unsubscribe: (() => void) | undefined;

/**
 * The principal behind an OAuth access token (`Bearer <jwt>`): the signature, issuer, expiry and
 * audience (one of this hub's resources, RFC 8707) are verified with jose, then the grant it
 * names must be live — not revoked, its client not revoked, its user enabled. The principal is
 * the grant's, shaped exactly like a key's (the grant is an ApiKey row), so everything after
 * authentication treats both alike. Verified tokens are cached like keys. Throws HubError
 * unauthorized with one message per cause.
 */
export async function resolveAccessTokenPrincipal(token: string): Promise<Principal> {
  unsubscribe ??= subscribeHubEvents((event) => {
    if (event.type === "catalog_changed") return;
    generation += 1;
    for (const [hash, entry] of cache) {
      const stale =
        event.type === "permissions_changed" ||
        (event.type === "key_revoked" && entry.principal.keyId === event.keyId) ||
        (event.type === "user_disabled" && entry.principal.userId === event.userId);
      if (stale) cache.delete(hash);
    }
  });
  const hash = createHash("sha256").update(token).digest("hex");
  const cached = cache.get(hash);
  if (cached && cached.until > Date.now()) {
    void stampKeyLastUsed(cached.principal.keyId);
    return cached.principal;
  }
  cache.delete(hash);
  const startedAt = generation;
  const { principal, expiresAtMs } = await verifyAndLookUp(token);
  if (startedAt === generation) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(hash, { until: Math.min(Date.now() + TTL_MS, expiresAtMs), principal });
  }
  void stampKeyLastUsed(principal.keyId);
  return principal;
}

async function verifyAndLookUp(token: string): Promise<{ principal: Principal; expiresAtMs: number }> {
  const endpoints = getOAuthEndpoints();
  let payload;
  try {
    ({ payload } = await jwtVerify(token, getAccessTokenKey(), {
      algorithms: ["HS256"],
      typ: "at+jwt",
      issuer: endpoints.issuer,
      audience: [...endpoints.resources],
      requiredClaims: ["exp", "sub", "jti"],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new HubError("unauthorized", ACCESS_TOKEN_MESSAGES.expired);
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === "aud") throw new HubError("unauthorized", ACCESS_TOKEN_MESSAGES.otherResource);
    throw new HubError("unauthorized", ACCESS_TOKEN_MESSAGES.invalid);
  }
  const grantId = payload.grant_id;
  if (typeof grantId !== "string" || !/^[0-9a-f-]{36}$/i.test(grantId)) throw new HubError("unauthorized", ACCESS_TOKEN_MESSAGES.invalid);
  const grant = await getPrisma().apiKey.findUnique({
    where: { id: grantId },
    select: {
      id: true,
      prefix: true,
      allowedTools: true,
      rateLimitPolicy: true,
      revokedAt: true,
      oauthClient: { select: { revokedAt: true } },
      user: { select: { id: true, email: true, role: true, disabledAt: true } },
    },
  });
  if (!grant || !grant.oauthClient || grant.user.id !== payload.sub) throw new HubError("unauthorized", ACCESS_TOKEN_MESSAGES.invalid);
  if (grant.revokedAt || grant.oauthClient.revokedAt) throw new HubError("unauthorized", ACCESS_TOKEN_MESSAGES.revoked);
  if (grant.user.disabledAt) throw new HubError("unauthorized", ACCESS_TOKEN_MESSAGES.disabledUser);
  const principal: Principal = Object.freeze({
    userId: grant.user.id,
    email: grant.user.email,
    role: grant.user.role,
    keyId: grant.id,
    keyPrefix: grant.prefix,
    allowedTools: Object.freeze([...grant.allowedTools]),
    rateLimitPolicy: grant.rateLimitPolicy,
  });
  return { principal, expiresAtMs: (payload.exp as number) * 1000 };
}
