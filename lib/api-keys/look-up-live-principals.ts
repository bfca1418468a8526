import type { Principal } from "@/lib/api-keys/principal";
import { PRINCIPAL_KEY_SELECT, principalOfKeyRow } from "@/lib/api-keys/principal-of-key-row";
import { getPrisma } from "@/lib/db/prisma";

/**
 * The current principals of these keys (API keys or OAuth grants), by key id, in one query: for
 * listeners that authenticated once and then stay (a listen stream), so that who they are follows
 * later changes to the key, such as a server rename rewriting its tool list. Left out: keys that
 * are unknown, revoked or expired, of a disabled user, or of a revoked OAuth client (those
 * listeners end through their own events).
 */
export async function lookUpLivePrincipals(keyIds: readonly string[]): Promise<Map<string, Principal>> {
  if (keyIds.length === 0) return new Map();
  const rows = await getPrisma().apiKey.findMany({
    where: {
      id: { in: [...new Set(keyIds)] },
      revokedAt: null,
      user: { disabledAt: null },
      AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] }, { OR: [{ oauthClientId: null }, { oauthClient: { revokedAt: null } }] }],
    },
    select: PRINCIPAL_KEY_SELECT,
  });
  return new Map(rows.map((row) => [row.id, principalOfKeyRow(row)]));
}
