import { API_KEY_SUMMARY_SELECT, type ApiKeySummary } from "@/lib/api-keys/api-key-summary";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";

export type RevokeApiKeyInput = ({ keyId: string; prefix?: never } | { prefix: string; keyId?: never }) & {
  actor: Actor;
  /** When set, the key must belong to this user (members revoking their own keys). */
  ownerId?: string;
};

/**
 * Revokes a key by id or visible prefix: sets revokedAt, audits in the same transaction, and
 * publishes key_revoked so live sessions and the principal cache drop it at once. Revoking a
 * revoked key changes nothing (`changed: false`). Throws HubError not_found.
 */
export async function revokeApiKey(input: RevokeApiKeyInput): Promise<{ key: ApiKeySummary; changed: boolean }> {
  const where = input.keyId !== undefined ? { id: input.keyId } : { prefix: input.prefix.trim() };
  const label = input.keyId ?? input.prefix;
  if (input.keyId !== undefined && !/^[0-9a-f-]{36}$/i.test(input.keyId)) throw new HubError("not_found", `API key ${label} not found`);
  const result = await getPrisma().$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where, select: API_KEY_SUMMARY_SELECT });
    if (!key || (input.ownerId !== undefined && key.userId !== input.ownerId)) throw new HubError("not_found", `API key ${label} not found`);
    if (key.revokedAt) return { key, changed: false };
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() }, select: API_KEY_SUMMARY_SELECT });
    await recordAuditEvent(
      {
        actor: input.actor,
        action: "api_key.revoke",
        targetType: "api_key",
        targetId: key.id,
        before: { prefix: key.prefix, revokedAt: null },
        after: { prefix: key.prefix, revokedAt: revoked.revokedAt?.toISOString() ?? null },
      },
      tx,
    );
    return { key: revoked, changed: true };
  });
  if (result.changed) publishHubEvent({ type: "key_revoked", keyId: result.key.id });
  return result;
}
