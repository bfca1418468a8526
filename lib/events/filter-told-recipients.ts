import type { Principal } from "@/lib/api-keys/principal";
import type { ServerVisibility } from "@/lib/events/list-changes-of";
import { sortRecipientsByVisibility } from "@/lib/events/sort-recipients-by-visibility";

/**
 * The sessions or listen streams to tell of a change: all of them (`server` undefined: a hub-wide
 * change), or, for one upstream server's own change (a list, a resource), those whose principal
 * may see that server (sortRecipientsByVisibility). Without a visibility check, or when it fails
 * (database down), nobody is told of a server's change: a missed hint costs a client a stale list
 * until its next change, telling the wrong principal would reveal the server's activity.
 */
export async function filterToldRecipients<Recipient extends { principal: Principal }>(
  recipients: readonly Recipient[],
  server: string | undefined,
  maySeeServer: ServerVisibility | undefined,
): Promise<Recipient[]> {
  if (server === undefined) return [...recipients];
  return (await sortRecipientsByVisibility(recipients, server, maySeeServer)).allowed;
}
