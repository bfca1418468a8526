import type { ApiCaller } from "@/lib/api/api-caller";
import { assertKeyScopeCovers } from "@/lib/api/assert-key-scope-covers";
import type { ApiKeySummary } from "@/lib/api-keys/api-key-summary";
import { API_KEY_MESSAGES } from "@/lib/api-keys/parse-api-key";
import { mintConsoleKey, type MintKeyLimits } from "@/lib/console/mint-console-key";
import type { MintKeyForm } from "@/lib/console/mint-key-form-schema";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";

/**
 * POST /api/v1/keys: mints a key for the caller from the console form's fields. Through a key, the
 * new key reaches no further than the caller's (else a leaked key could be traded for a stronger,
 * longer-lived one): its tools within the key's (assertKeyScopeCovers, HubError forbidden), its
 * expiry no later than the key's (a longer lifetime is shortened), the key's own rate limit and
 * budget (the key is its parent), and it is revoked with the key.
 * A console session mints as the console does. Returns the secret, once.
 */
export async function mintCallerKey(caller: Pick<ApiCaller, "userId" | "email" | "role" | "via" | "principal">, form: MintKeyForm): Promise<{ key: ApiKeySummary; secret: string }> {
  assertKeyScopeCovers(caller, form.tools);
  const user = { id: caller.userId, email: caller.email, name: null, role: caller.role };
  if (caller.via !== "key") return mintConsoleKey(user, form);
  // Read from the row, not the principal cache: the expiry is not in the principal.
  const parent = await getPrisma().apiKey.findUnique({ where: { id: caller.principal.keyId }, select: { expiresAt: true, rateLimitPolicy: true } });
  if (!parent) throw new HubError("unauthorized", API_KEY_MESSAGES.unknown);
  const limits: MintKeyLimits = { expiresNoLaterThan: parent.expiresAt, rateLimitPolicy: parent.rateLimitPolicy, parentKeyId: caller.principal.keyId };
  return mintConsoleKey(user, form, limits);
}
