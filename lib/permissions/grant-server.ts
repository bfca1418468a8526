import type { Actor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/permissions/roles";

/**
 * Grants every tool of an upstream server, present and future, to a role or one user (exactly
 * one); also lets them see its resources and prompts. Idempotent, audited in the same
 * transaction, publishes permissions_changed. HubError invalid_request / not_found.
 */
export async function grantServer(input: { serverName: string; role?: Role; userId?: string; actor: Actor }): Promise<{ created: boolean }> {
  const { serverName, role, userId, actor } = input;
  if ((role === undefined) === (userId === undefined)) throw new HubError("invalid_request", "Grant a server to exactly one of: a role or a user");
  if (role !== undefined && !(role in ROLES)) throw new HubError("invalid_request", `Unknown role "${role}"; expected one of: ${Object.keys(ROLES).join(", ")}`);
  const created = await getPrisma().$transaction(async (tx) => {
    const server = await tx.upstreamServer.findUnique({ where: { name: serverName }, select: { id: true } });
    if (!server) throw new HubError("not_found", `No server named ${serverName}; see server list for the registered ones.`);
    if (userId !== undefined && !(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new HubError("not_found", `User ${userId} not found`);
    if (await tx.serverGrant.findFirst({ where: { serverId: server.id, role: role ?? null, userId: userId ?? null }, select: { id: true } })) return false;
    const grant = await tx.serverGrant.create({ data: { serverId: server.id, role: role ?? null, userId: userId ?? null } });
    await recordAuditEvent({ actor, action: "grant.add", targetType: "upstream_server", targetId: serverName, before: null, after: { grantId: grant.id, role: grant.role, userId: grant.userId } }, tx);
    return true;
  });
  if (created) publishHubEvent({ type: "permissions_changed" });
  return { created };
}
