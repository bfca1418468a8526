import { hashApiKey } from "@/lib/api-keys/hash-api-key";
import { getPrisma } from "@/lib/db/prisma";
import { canonicalizeResource } from "@/lib/oauth/canonicalize-resource";
import { findOAuthClient } from "@/lib/oauth/find-oauth-client";
import { getOAuthEndpoints } from "@/lib/oauth/get-oauth-endpoints";
import { issueTokenResponse, type TokenResponse } from "@/lib/oauth/issue-token-response";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { revokeOAuthGrantFamily } from "@/lib/oauth/revoke-oauth-grant-family";

const REUSED = "This refresh token was already used, so a copy exists: every token of this authorization is revoked. Sign in again.";

/**
 * The refresh_token grant with rotation: the token is marked used and a new one issued for the
 * same grant. A used token presented again (or two refreshes racing with one token) revokes
 * the whole grant. Refused for a revoked grant or client, a disabled user, an expired token or
 * another resource. Throws OAuthError invalid_grant / invalid_target / invalid_client.
 */
export async function refreshAccessToken(form: URLSearchParams): Promise<TokenResponse> {
  const client = await findOAuthClient(form.get("client_id"));
  const token = form.get("refresh_token") ?? "";
  if (token.length === 0 || token.length > 200) throw new OAuthError("invalid_request", "refresh_token is required.");
  const prisma = getPrisma();
  const row = await prisma.oAuthRefreshToken.findUnique({
    where: { tokenHash: hashApiKey(token) },
    include: { grant: { select: { id: true, userId: true, oauthClientId: true, revokedAt: true, user: { select: { disabledAt: true } } } } },
  });
  if (!row || row.grant.oauthClientId !== client.id) throw new OAuthError("invalid_grant", "Unknown refresh token.");
  if (row.grant.revokedAt) throw new OAuthError("invalid_grant", "This authorization was revoked. Sign in again.");
  if (row.usedAt) {
    await revokeOAuthGrantFamily(row.grantId, "refresh token reused");
    throw new OAuthError("invalid_grant", REUSED);
  }
  if (row.expiresAt.getTime() <= Date.now()) throw new OAuthError("invalid_grant", "The refresh token expired. Sign in again.");
  if (row.grant.user.disabledAt) throw new OAuthError("invalid_grant", "Your account is disabled: ask an admin to re-enable it.");
  const resource = form.get("resource");
  if (resource !== null && canonicalizeResource(resource, getOAuthEndpoints()) !== row.resource) {
    throw new OAuthError("invalid_target", `This authorization is for ${row.resource}.`);
  }
  const issued = await prisma.$transaction(async (tx) => {
    const claimed = await tx.oAuthRefreshToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count === 0) return null;
    return issueTokenResponse(tx, { userId: row.grant.userId, grantId: row.grantId, clientId: client.clientId, resource: row.resource });
  });
  if (!issued) {
    await revokeOAuthGrantFamily(row.grantId, "refresh token reused concurrently");
    throw new OAuthError("invalid_grant", REUSED);
  }
  return issued;
}
