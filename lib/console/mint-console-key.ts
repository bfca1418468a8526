import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { ApiKeySummary } from "@/lib/api-keys/api-key-summary";
import { parseExpiry } from "@/lib/api-keys/parse-expiry";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { listGrantableTools } from "@/lib/console/list-grantable-tools";
import type { MintKeyForm } from "@/lib/console/mint-key-form-schema";
import { HubError } from "@/lib/errors/hub-error";
import { assertWithinKeyMintLimit } from "@/lib/rate-limit/assert-within-key-mint-limit";

/** Bounds on a minted key, from the key that asks for it (the API): it may not outlive or outpace it. */
export interface MintKeyLimits {
  /** The new key expires no later than this (a longer lifetime is shortened to it). */
  expiresNoLaterThan: Date | null;
  /** The new key's per-key rate limit. */
  rateLimitPolicy: string | null;
  /** The key asking: the new key's parent, sharing its budget and revoked with it. */
  parentKeyId: string;
}

/**
 * Mints a key for the signed-in user from the console form. A tool subset may only name tools
 * the user may call today (else validation_failed naming them). `limits` (a key minting a key)
 * caps the expiry, sets the rate limit and the parent. Every mint spends one of the user's
 * allowance (assertWithinKeyMintLimit, 429 past it). Returns the secret, once.
 */
export async function mintConsoleKey(user: ConsoleUser, form: MintKeyForm, limits?: MintKeyLimits): Promise<{ key: ApiKeySummary; secret: string }> {
  await assertWithinKeyMintLimit(user);
  let expiresAt: Date | null = null;
  if (form.lifetime !== "never") {
    const expiry = parseExpiry(form.lifetime);
    if (!expiry.ok) throw new HubError("validation_failed", expiry.message);
    expiresAt = expiry.expiresAt;
  }
  const notAfter = limits?.expiresNoLaterThan ?? null;
  if (notAfter && (expiresAt === null || expiresAt > notAfter)) expiresAt = notAfter;
  if (form.tools.length > 0) {
    const grantable = new Set(await listGrantableTools(user));
    const unknown = form.tools.filter((tool) => !grantable.has(tool));
    if (unknown.length > 0) throw new HubError("validation_failed", `You may not use: ${unknown.join(", ")}`);
  }
  return createApiKey({ userId: user.id, name: form.name, allowedTools: form.tools, rateLimitPolicy: limits?.rateLimitPolicy ?? null, parentKeyId: limits?.parentKeyId ?? null, expiresAt, actor: { userId: user.id, label: user.email } });
}
