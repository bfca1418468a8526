import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { logger } from "@/lib/log/logger";

/**
 * Revokes a grant because one of its single-use credentials (a code or a refresh token) came
 * back a second time: someone holds a copy. Revoking the grant kills every access and refresh
 * token of the family and closes its live sessions (key_revoked), like revoking a key.
 */
export async function revokeOAuthGrantFamily(grantId: string, reason: string): Promise<void> {
  logger.warn({ grantId, reason }, "OAuth credential reused: authorization revoked");
  await revokeApiKey({ keyId: grantId, actor: { userId: null, label: `oauth: ${reason}` } });
}
