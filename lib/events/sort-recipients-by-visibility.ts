import type { Principal } from "@/lib/api-keys/principal";
import type { ServerVisibility } from "@/lib/events/list-changes-of";
import { logger } from "@/lib/log/logger";

/** Recipients sorted by whether they may see a server; those whose check failed are in neither list. */
export interface RecipientsByVisibility<Recipient> {
  allowed: Recipient[];
  /** Checked and refused: their principal may no longer see the server. */
  refused: Recipient[];
}

/**
 * Sorts sessions, listen streams or resource watchers by whether their principal may see an
 * upstream `server` (asked once per key, not per recipient: a key's recipients share a principal).
 * Without a visibility check every recipient is left unsorted, and so is every recipient whose
 * check failed (database down): "refused" is only ever a definite answer, so a caller may let go
 * of what it holds for the refused without losing anything to an outage.
 */
export async function sortRecipientsByVisibility<Recipient extends { principal: Principal }>(
  recipients: readonly Recipient[],
  server: string,
  maySeeServer: ServerVisibility | undefined,
): Promise<RecipientsByVisibility<Recipient>> {
  const sorted: RecipientsByVisibility<Recipient> = { allowed: [], refused: [] };
  if (!maySeeServer) return sorted;
  const perKey = new Map<string, Promise<boolean | undefined>>();
  const verdicts = await Promise.all(
    recipients.map((recipient) => {
      const { keyId } = recipient.principal;
      let verdict = perKey.get(keyId);
      if (!verdict) {
        verdict = maySeeServer(recipient.principal, server).catch((error: unknown) => {
          logger.warn({ server, err: error instanceof Error ? error.message : String(error) }, "could not check who may hear of an upstream's change");
          return undefined;
        });
        perKey.set(keyId, verdict);
      }
      return verdict;
    }),
  );
  recipients.forEach((recipient, index) => {
    if (verdicts[index] === true) sorted.allowed.push(recipient);
    else if (verdicts[index] === false) sorted.refused.push(recipient);
  });
  return sorted;
}
