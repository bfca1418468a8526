import { API_KEY_SUMMARY_SELECT, type ApiKeySummary } from "@/lib/api-keys/api-key-summary";
import { claimLiveKeySlot } from "@/lib/api-keys/claim-live-key-slot";
import { generateApiKey } from "@/lib/api-keys/generate-api-key";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { parseRateLimitPolicy } from "@/lib/rate-limit/parse-rate-limit-policy";

export interface CreateApiKeyInput {
  userId: string;
  name: string;
  /** Narrows the owner's tools; empty or omitted = every tool the owner may call. */
  allowedTools?: readonly string[];
  /** Per-key rate limit such as "600/1m"; null/omitted uses the role or default policy. */
  rateLimitPolicy?: string | null;
  expiresAt?: Date | null;
  /** The key minting this one (through the API): recorded as its parent; its line shares a budget. */
  parentKeyId?: string | null;
  /** Who asked; defaults to the key's owner. */
  actor?: Actor;
}

/**
 * Mints a key for a user. The returned `secret` is the only copy: only its SHA-256 and visible
 * prefix are stored. Audited in the same transaction (api_key.create names the minting key). A
 * user holds at most their maxLiveKeys (default 25) live keys, OAuth grants included
 * (claimLiveKeySlot, under a per-user lock, so parallel mints cannot pass it). Throws HubError
 * validation_failed (name, policy, expiry in the past), not_found (no such user or parent key),
 * forbidden (user disabled, parent revoked), conflict (at the live-key cap).
 */
export async function createApiKey(input: CreateApiKeyInput): Promise<{ key: ApiKeySummary; secret: string }> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) throw new HubError("validation_failed", "Key name must be 1 to 100 characters");
  const allowedTools = [...new Set((input.allowedTools ?? []).map((tool) => tool.trim()).filter(Boolean))];
  const rateLimitPolicy = input.rateLimitPolicy?.trim() || null;
  if (rateLimitPolicy) {
    const parsed = parseRateLimitPolicy(rateLimitPolicy);
    if (!parsed.ok) throw new HubError("validation_failed", parsed.message);
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw new HubError("validation_failed", "Key expiry must be in the future");
  const generated = generateApiKey();
  const key = await getPrisma().$transaction(async (tx) => {
    const user = await claimLiveKeySlot(tx, input.userId);
    const parent = input.parentKeyId ? await tx.apiKey.findUnique({ where: { id: input.parentKeyId }, select: { id: true, userId: true, prefix: true, rootKeyId: true, revokedAt: true } }) : null;
    if (input.parentKeyId && (!parent || parent.userId !== user.id)) throw new HubError("not_found", `API key ${input.parentKeyId} not found`);
    if (parent?.revokedAt) throw new HubError("forbidden", `API key ${parent.prefix} is revoked`);
    const row = await tx.apiKey.create({
      data: {
        userId: user.id, name, prefix: generated.prefix, hash: generated.hash, allowedTools, rateLimitPolicy, expiresAt: input.expiresAt ?? null,
        parentKeyId: parent?.id ?? null, rootKeyId: parent ? (parent.rootKeyId ?? parent.id) : null,
      },
      select: API_KEY_SUMMARY_SELECT,
    });
    await recordAuditEvent(
      {
        actor: input.actor ?? { userId: user.id, label: user.email },
        action: "api_key.create",
        targetType: "api_key",
        targetId: row.id,
        after: { prefix: row.prefix, name, userId: user.id, allowedTools, rateLimitPolicy, expiresAt: row.expiresAt?.toISOString() ?? null, mintedByKey: parent?.prefix ?? null },
      },
      tx,
    );
    return row;
  });
  return { key, secret: generated.key };
}
