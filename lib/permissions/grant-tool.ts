import type { Actor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/permissions/roles";
import { TOOL_GRANT_SELECT, toToolGrantView, type ToolGrantView } from "@/lib/permissions/tool-grant-view";

/**
 * Grants a tool to a role or to one user (exactly one). Idempotent: granting what is already
 * granted returns the existing grant without a new audit row. Audited in the same transaction;
 * publishes permissions_changed so live sessions refresh their tool lists.
 * Throws HubError invalid_request (neither/both grantee), not_found (tool or user).
 */
export async function grantTool(input: { toolName: string; role?: Role; userId?: string; actor: Actor }): Promise<ToolGrantView> {
  const { toolName, role, userId, actor } = input;
  if ((role === undefined) === (userId === undefined)) {
    throw new HubError("invalid_request", "Grant a tool to exactly one of: a role or a user");
  }
  if (role !== undefined && !(role in ROLES)) {
    throw new HubError("invalid_request", `Unknown role "${role}"; expected one of: ${Object.keys(ROLES).join(", ")}`);
  }
  const { grant, created } = await getPrisma().$transaction(async (tx) => {
    const tool = await tx.tool.findUnique({ where: { name: toolName }, select: { name: true } });
    if (!tool) throw new HubError("not_found", `Tool ${toolName} not found`);
    if (userId !== undefined) {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
      if (!user) throw new HubError("not_found", `User ${userId} not found`);
    }
    const existing = await tx.toolGrant.findFirst({ where: { toolName, role: role ?? null, userId: userId ?? null }, select: TOOL_GRANT_SELECT });
    if (existing) return { grant: existing, created: false };
    const row = await tx.toolGrant.create({ data: { toolName, role: role ?? null, userId: userId ?? null }, select: TOOL_GRANT_SELECT });
    await recordAuditEvent(
      { actor, action: "grant.add", targetType: "tool", targetId: toolName, before: null, after: { grantId: row.id, role: row.role, userId: row.userId, userEmail: row.user?.email ?? null } },
      tx,
    );
    return { grant: row, created: true };
  });
  if (created) publishHubEvent({ type: "permissions_changed" });
  return toToolGrantView(grant);
}
