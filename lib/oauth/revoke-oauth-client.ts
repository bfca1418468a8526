import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";

/**
 * Admin: revokes an OAuth client — it can no longer authorize or refresh — and every grant users
 * gave it, closing their live sessions (key_revoked per grant). Audited. Revoking a revoked
 * client changes nothing. Throws HubError not_found.
 */
export async function revokeOAuthClient(input: { id: string; actor: Actor }): Promise<{ changed: boolean; revokedGrants: number }> {
  if (!/^[0-9a-f-]{36}$/i.test(input.id)) throw new HubError("not_found", `OAuth client ${input.id} not found`);
  const result = await getPrisma().$transaction(async (tx) => {
    const client = await tx.oAuthClient.findUnique({ where: { id: input.id }, select: { id: true, clientId: true, name: true, revokedAt: true } });
    if (!client) throw new HubError("not_found", `OAuth client ${input.id} not found`);
    if (client.revokedAt) return { changed: false, grantIds: [] as string[] };
    const now = new Date();
    await tx.oAuthClient.update({ where: { id: client.id }, data: { revokedAt: now } });
    const grants = await tx.apiKey.findMany({ where: { oauthClientId: client.id, revokedAt: null }, select: { id: true } });
    await tx.apiKey.updateMany({ where: { id: { in: grants.map((grant) => grant.id) } }, data: { revokedAt: now } });
    await recordAuditEvent(
      { actor: input.actor, action: "oauth_client.revoke", targetType: "oauth_client", targetId: client.id, before: { clientId: client.clientId, name: client.name, revokedAt: null }, after: { revokedAt: now.toISOString(), revokedGrants: grants.length } },
      tx,
    );
    return { changed: true, grantIds: grants.map((grant) => grant.id) };
  });
  for (const keyId of result.grantIds) publishHubEvent({ type: "key_revoked", keyId });
  return { changed: result.changed, revokedGrants: result.grantIds.length };
}
