import { hashApiKey } from "@/lib/api-keys/hash-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { getPrisma } from "@/lib/db/prisma";
import { findOAuthClient } from "@/lib/oauth/find-oauth-client";

/**
 * RFC 7009 revocation, as a client signs out: a refresh token of this client revokes its whole
 * grant (and so the access tokens and live sessions issued for it). Unknown tokens and other
 * clients' tokens change nothing and are not reported (§2.2: the answer is 200 either way).
 * Throws OAuthError invalid_client for an unknown client.
 */
export async function revokeOAuthToken(form: URLSearchParams): Promise<void> {
  const client = await findOAuthClient(form.get("client_id"));
  const token = form.get("token") ?? "";
  if (token.length === 0 || token.length > 200) return;
  const row = await getPrisma().oAuthRefreshToken.findUnique({ where: { tokenHash: hashApiKey(token) }, select: { grant: { select: { id: true, oauthClientId: true, revokedAt: true } } } });
  if (!row || row.grant.oauthClientId !== client.id || row.grant.revokedAt) return;
  await revokeApiKey({ keyId: row.grant.id, actor: { userId: null, label: `oauth client ${client.name}` } });
}
