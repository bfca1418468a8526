import { randomBytes } from "node:crypto";
import { hashApiKey } from "@/lib/api-keys/hash-api-key";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OAUTH_POLICY } from "@/lib/oauth/oauth-policy";
import { signAccessToken, type AccessTokenSubject } from "@/lib/oauth/sign-access-token";

/** The token endpoint's success body (RFC 6749 §5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
}

/**
 * Issues an access token and a new refresh token for a grant, inside the caller's transaction:
 * the refresh token's SHA-256 is stored (like a key) and the grant's expiry slides to the
 * refresh token's.
 */
export async function issueTokenResponse(tx: Prisma.TransactionClient, subject: AccessTokenSubject): Promise<TokenResponse> {
  const refreshToken = `sbr_${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(Date.now() + OAUTH_POLICY.refreshTokenSeconds * 1000);
  await tx.oAuthRefreshToken.create({ data: { tokenHash: hashApiKey(refreshToken), grantId: subject.grantId, resource: subject.resource, expiresAt } });
  await tx.apiKey.update({ where: { id: subject.grantId }, data: { expiresAt } });
  return { access_token: await signAccessToken(subject), token_type: "Bearer", expires_in: OAUTH_POLICY.accessTokenSeconds, refresh_token: refreshToken };
}
