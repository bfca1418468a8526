import { createHash } from "node:crypto";
import { publishHubEvent } from "@/lib/events/hub-events";
import { logger } from "@/lib/log/logger";
import { getUpstreamPool } from "@/lib/upstream-connections/upstream-pool";
import { claimUpstreamListChange } from "@/lib/upstreams/claim-upstream-list-change";

/** How long reading the announced list may take before the announcement is judged without it. */
const READ_TIMEOUT_MS = 5_000;

/**
 * Tells every instance's sessions that an upstream server's resources or prompts changed, once:
 * a remote server announces to each instance's connection, and each would otherwise publish the
 * same change (sessions heard it once per instance). This instance reads the list's first page
 * (what the hub serves) and publishes only if it is first to claim that list state
 * (claimUpstreamListChange). When the claim cannot be made (database down) it publishes anyway:
 * a duplicate hint costs a client a re-list, a lost one a stale list.
 */
export async function announceUpstreamListChange(server: string, list: "resources" | "prompts"): Promise<void> {
  const fingerprint = await readListFingerprint(server, list);
  const claimed = await claimUpstreamListChange({ server, list, fingerprint }).catch((error: unknown) => {
    logger.warn({ server, list, err: error instanceof Error ? error.message : String(error) }, "could not claim an upstream's list change; announcing it anyway");
    return true;
  });
  if (claimed) publishHubEvent({ type: "upstream_list_changed", server, list });
  else logger.debug({ server, list }, "upstream list change already announced by another instance");
}

/** sha256 of the list's first page as this instance's connection reads it; null when it cannot be read. */
async function readListFingerprint(server: string, list: "resources" | "prompts"): Promise<string | null> {
  const signal = AbortSignal.timeout(READ_TIMEOUT_MS);
  try {
    const items = await getUpstreamPool().request(server, signal, async (client) =>
      list === "resources" ? (await client.listResources(undefined, { signal, timeout: READ_TIMEOUT_MS })).resources : (await client.listPrompts(undefined, { signal, timeout: READ_TIMEOUT_MS })).prompts,
    );
    return createHash("sha256").update(JSON.stringify(items)).digest("hex");
  } catch (error) {
    logger.debug({ server, list, err: error instanceof Error ? error.message : String(error) }, "could not read an announced upstream list");
    return null;
  }
}
