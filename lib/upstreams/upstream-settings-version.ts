import { createHash } from "node:crypto";
import type { UpstreamServer } from "@/lib/generated/prisma/client";

/**
 * A short hash of a server's stored settings (not its status: a reconnecting pool's status
 * writes must not count as a change). Any saved edit changes it (secrets are re-encrypted with a
 * fresh nonce), so an edit form or API client that sends back the version it loaded is refused
 * when someone else saved in between, instead of silently undoing their change.
 */
export function upstreamSettingsVersion(row: UpstreamServer): string {
  const { transport, command, args, cwd, url, urlEncrypted, env, headers, timeoutMs, maxConcurrency } = row;
  // urlEncrypted only when set, so the versions of servers whose URL has no secret parts stay as they were.
  const sealed = urlEncrypted ? { urlEncrypted } : {};
  return createHash("sha256").update(JSON.stringify({ transport, command, args, cwd, url, ...sealed, env, headers, timeoutMs, maxConcurrency })).digest("hex").slice(0, 16);
}
