import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { claimLiveKeySlot } from "@/lib/api-keys/claim-live-key-slot";
import { hashApiKey } from "@/lib/api-keys/hash-api-key";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { canonicalizeResource } from "@/lib/oauth/canonicalize-resource";
import { findOAuthClient } from "@/lib/oauth/find-oauth-client";
import { getOAuthEndpoints } from "@/lib/oauth/get-oauth-endpoints";
import { issueTokenResponse, type TokenResponse } from "@/lib/oauth/issue-token-response";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { revokeOAuthGrantFamily } from "@/lib/oauth/revoke-oauth-grant-family";

const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/**
 * The authorization_code grant: the code must be this client's, unused, unexpired, presented
 * with the exact redirect URI it was issued for, the PKCE verifier of its S256 challenge and (if
 * given) the same resource. Creates the grant — an ApiKey row with oauthClientId, the consented
 * tool subset and no secret, under the owner's live-key cap (claimLiveKeySlot) and, like a key
 * minted with no parent or policy, on the owner's default budget — and its first tokens. A code presented twice revokes the grant
 * it was exchanged for (OAuth 2.1 §4.1.3). Throws OAuthError.
 */
export async function exchangeAuthorizationCode(form: URLSearchParams): Promise<TokenResponse> {
  const client = await findOAuthClient(form.get("client_id"));
  const code = form.get("code") ?? "";
  if (code.length === 0 || code.length > 200) throw new OAuthError("invalid_request", "code is required.");
  const prisma = getPrisma();
  const row = await prisma.oAuthAuthorizationCode.findUnique({ where: { codeHash: hashApiKey(code) }, include: { user: { select: { email: true, disabledAt: true } } } });
  if (!row || row.clientId !== client.id) throw new OAuthError("invalid_grant", "Unknown authorization code.");
  if (row.usedAt) {
    if (row.grantId) await revokeOAuthGrantFamily(row.grantId, "authorization code reused");
    throw new OAuthError("invalid_grant", "This authorization code was already used; the tokens issued for it are revoked. Sign in again.");
  }
  if (row.expiresAt.getTime() <= Date.now()) throw new OAuthError("invalid_grant", "The authorization code expired. Sign in again.");
  if (form.get("redirect_uri") !== row.redirectUri) throw new OAuthError("invalid_grant", "redirect_uri differs from the one the code was issued for.");
  const verifier = form.get("code_verifier") ?? "";
  if (!CODE_VERIFIER.test(verifier)) throw new OAuthError("invalid_request", "code_verifier (43 to 128 characters) is required.");
  const challenge = Buffer.from(createHash("sha256").update(verifier).digest("base64url"));
  const expected = Buffer.from(row.codeChallenge);
  if (challenge.length !== expected.length || !timingSafeEqual(challenge, expected)) throw new OAuthError("invalid_grant", "code_verifier does not match the code_challenge.");
  const resource = form.get("resource");
  if (resource !== null && canonicalizeResource(resource, getOAuthEndpoints()) !== row.resource) {
    throw new OAuthError("invalid_target", `The code was issued for ${row.resource}.`);
  }
  if (row.user.disabledAt) throw new OAuthError("invalid_grant", "Your account is disabled: ask an admin to re-enable it.");

  return prisma.$transaction(async (tx) => {
    const claimed = await tx.oAuthAuthorizationCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count === 0) throw new OAuthError("invalid_grant", "This authorization code was already used.");
    // The consent page checked the cap; this holds it against keys minted or apps allowed since.
    await claimLiveKeySlot(tx, row.userId).catch((error: unknown) => {
      throw error instanceof HubError ? new OAuthError("invalid_grant", error.message, { cause: error }) : error;
    });
    const grant = await tx.apiKey.create({
      data: { userId: row.userId, name: client.name.slice(0, 100), prefix: `oa_${randomBytes(8).toString("hex").slice(0, 9)}`, hash: null, oauthClientId: client.id, allowedTools: row.allowedTools },
      select: { id: true, prefix: true },
    });
    await tx.oAuthAuthorizationCode.update({ where: { id: row.id }, data: { grantId: grant.id } });
    await recordAuditEvent(
      {
        actor: { userId: row.userId, label: row.user.email },
        action: "oauth.authorize",
        targetType: "api_key",
        targetId: grant.id,
        after: { prefix: grant.prefix, client: client.clientId, clientName: client.name, allowedTools: row.allowedTools, resource: row.resource },
      },
      tx,
    );
    return issueTokenResponse(tx, { userId: row.userId, grantId: grant.id, clientId: client.clientId, resource: row.resource });
  });
}
