import { lookUpLivePrincipals } from "@/lib/api-keys/look-up-live-principals";
import type { Principal } from "@/lib/api-keys/principal";
import { logger } from "@/lib/log/logger";

/**
 * Re-reads, in one query, the principal of each holder (a live session, a listen stream) from its
 * key, so that who a long-lived holder is told about follows changes made since its last request
 * (a server rename rewrites a key's tool list). A holder whose key is no longer live keeps its
 * principal: it ends through key_revoked or user_disabled. Never throws: when the read fails,
 * every principal stays as it was (logged).
 */
export async function refreshPrincipals(holders: ReadonlyArray<{ principal: Principal }>): Promise<void> {
  try {
    const fresh = await lookUpLivePrincipals(holders.map((holder) => holder.principal.keyId));
    for (const holder of holders) holder.principal = fresh.get(holder.principal.keyId) ?? holder.principal;
  } catch (error) {
    logger.warn({ holders: holders.length, err: error instanceof Error ? error.message : String(error) }, "could not re-read the principals of live sessions or streams");
  }
}
