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

// Every live key minted, directly or not, by the key $1.
const LIVE_DESCENDANTS_SQL = `
WITH RECURSIVE line AS (
  SELECT "id", "prefix", "parentKeyId", "revokedAt" FROM "ApiKey" WHERE "parentKeyId" = $1::uuid
  UNION
  SELECT child."id", child."prefix", child."parentKeyId", child."revokedAt" FROM "ApiKey" child JOIN line ON child."parentKeyId" = line."id"
)
SELECT line."id", line."prefix", parent."prefix" AS "parentPrefix" FROM line JOIN "ApiKey" parent ON parent."id" = line."parentKeyId" WHERE line."revokedAt" IS NULL`;

/**
 * Revokes a key by id or visible prefix, and with it every live key it minted (directly or
 * through its children): sets revokedAt, audits each in the same transaction (a descendant's
 * entry names the parent it went with), and publishes key_revoked for each so live sessions and
 * the principal cache drop them at once. Revoking a revoked key changes nothing itself
 * (`changed: false`) but still revokes descendants left live. Throws HubError not_found.
 */
export async function revokeApiKey(input: RevokeApiKeyInput): Promise<{ key: ApiKeySummary; changed: boolean; descendantsRevoked: number }> {
  const where = input.keyId !== undefined ? { id: input.keyId } : { prefix: input.prefix.trim() };
  const label = input.keyId ?? input.prefix;
  if (input.keyId !== undefined && !/^[0-9a-f-]{36}$/i.test(input.keyId)) throw new HubError("not_found", `API key ${label} not found`);
  const result = await getPrisma().$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where, select: API_KEY_SUMMARY_SELECT });
    if (!key || (input.ownerId !== undefined && key.userId !== input.ownerId)) throw new HubError("not_found", `API key ${label} not found`);
    const revokedAt = new Date();
    const descendants = await tx.$queryRawUnsafe<{ id: string; prefix: string; parentPrefix: string }[]>(LIVE_DESCENDANTS_SQL, key.id);
    if (descendants.length > 0) await tx.apiKey.updateMany({ where: { id: { in: descendants.map((descendant) => descendant.id) } }, data: { revokedAt } });
    const audit = (key: { id: string; prefix: string }, after: Record<string, string> = {}) =>
      recordAuditEvent(
        { actor: input.actor, action: "api_key.revoke", targetType: "api_key", targetId: key.id, before: { prefix: key.prefix, revokedAt: null }, after: { prefix: key.prefix, revokedAt: revokedAt.toISOString(), ...after } },
        tx,
      );
    for (const descendant of descendants) await audit(descendant, { revokedWithParent: descendant.parentPrefix });
    const revokedIds = descendants.map((descendant) => descendant.id);
    if (key.revokedAt) return { key, changed: false, revokedIds };
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt }, select: API_KEY_SUMMARY_SELECT });
    await audit(key);
    return { key: revoked, changed: true, revokedIds: [key.id, ...revokedIds] };
  });
  for (const keyId of result.revokedIds) publishHubEvent({ type: "key_revoked", keyId });
  return { key: result.key, changed: result.changed, descendantsRevoked: result.revokedIds.length - (result.changed ? 1 : 0) };
}
