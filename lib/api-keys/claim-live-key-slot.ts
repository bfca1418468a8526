import { HubError } from "@/lib/errors/hub-error";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Live (unrevoked, unexpired) keys a user may hold unless an admin set their own limit. */
export const DEFAULT_MAX_LIVE_KEYS = 25;

/**
 * The per-user rules every new credential of a user passes, in the transaction that creates it:
 * an API key (createApiKey) or an OAuth grant (the ApiKey row an authorization creates). Takes a
 * per-user lock, so parallel mints and authorizations cannot both pass the count, and checks the
 * user exists, is enabled and holds fewer than maxLiveKeys (default 25) live keys, authorized
 * apps included. Returns the user. Throws HubError not_found, forbidden (disabled) or conflict
 * (at the cap; the message says how to free a slot).
 */
export async function claimLiveKeySlot(tx: Prisma.TransactionClient, userId: string): Promise<{ id: string; email: string }> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, disabledAt: true, maxLiveKeys: true } });
  if (!user) throw new HubError("not_found", `User ${userId} not found`);
  if (user.disabledAt) throw new HubError("forbidden", `User ${user.email} is disabled`);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`api_key.create:${user.id}`}))`;
  const now = new Date();
  const live = await tx.apiKey.count({ where: { userId: user.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
  const maxLiveKeys = user.maxLiveKeys ?? DEFAULT_MAX_LIVE_KEYS;
  if (live >= maxLiveKeys) {
    throw new HubError(
      "conflict",
      `${user.email} already has ${live} live API keys (the most allowed is ${maxLiveKeys}; apps you authorized count as keys): revoke keys or apps you no longer use, or ask an admin to raise the limit.`,
    );
  }
  return { id: user.id, email: user.email };
}

