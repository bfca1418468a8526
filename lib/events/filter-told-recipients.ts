import type { Principal } from "@/lib/api-keys/principal";
import type { ServerVisibility } from "@/lib/events/list-changes-of";
import { logger } from "@/lib/log/logger";

/**
 * The sessions or listen streams to tell of a change: all of them (`server` undefined: a hub-wide
 * change), or, for one upstream server's own change (a list, a resource), those whose principal
 * may see that server (asked once per key, not per session: a key's sessions share a principal).
 * Without a visibility check, or when it fails (database down), nobody is told of a server's
 * change: a missed hint costs a client a stale list until its next change, telling the wrong
 * principal would reveal the server's activity.
 */
export async function filterToldRecipients<Recipient extends { principal: Principal }>(
  recipients: readonly Recipient[],
  server: string | undefined,
  maySeeServer: ServerVisibility | undefined,
): Promise<Recipient[]> {
  if (server === undefined) return [...recipients];
  if (!maySeeServer) return [];
  const perKey = new Map<string, Promise<boolean>>();
  const allowed = await Promise.all(
    recipients.map((recipient) => {
      const { keyId } = recipient.principal;
      let verdict = perKey.get(keyId);
      if (!verdict) {
        verdict = maySeeServer(recipient.principal, server).catch((error: unknown) => {
          logger.warn({ server, err: error instanceof Error ? error.message : String(error) }, "could not check who may hear of an upstream's change");
          return false;
        });
        perKey.set(keyId, verdict);
      }
      return verdict;
    }),
  );
  return recipients.filter((_, index) => allowed[index]);
}
