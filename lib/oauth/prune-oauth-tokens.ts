import { getPrisma } from "@/lib/db/prisma";
import { OAUTH_POLICY } from "@/lib/oauth/oauth-policy";

/**
 * Deletes authorization codes and refresh tokens that can no longer be redeemed: unused ones
 * past their expiry, and used ones (a code exchanged, a refresh token rotated) once
 * OAUTH_POLICY.replayDetectionSeconds have passed since use, so replay detection keeps working
 * within that window. Without this every 15-minute refresh would leave a row forever. Returns
 * the counts deleted.
 */
export async function pruneOAuthTokens(options: { now?: Date } = {}): Promise<{ codes: number; refreshTokens: number }> {
  const now = options.now ?? new Date();
  const usedBefore = new Date(now.getTime() - OAUTH_POLICY.replayDetectionSeconds * 1000);
  const where = { OR: [{ usedAt: null, expiresAt: { lt: now } }, { usedAt: { lt: usedBefore } }] };
  const prisma = getPrisma();
  const codes = await prisma.oAuthAuthorizationCode.deleteMany({ where });
  const refreshTokens = await prisma.oAuthRefreshToken.deleteMany({ where });
  return { codes: codes.count, refreshTokens: refreshTokens.count };
}
