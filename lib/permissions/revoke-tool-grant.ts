import type { Actor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import type { Role } from "@/lib/generated/prisma/enums";
import { TOOL_GRANT_SELECT, toToolGrantView, type ToolGrantView } from "@/lib/permissions/tool-grant-view";

/** Which grant to revoke: by id, or by tool and exactly one grantee. */
export type GrantSelector = { grantId: string } | { toolName: string; role: Role } | { toolName: string; userId: string };

/**
 * Removes one tool grant, audited in the same transaction, then publishes permissions_changed so
 * live sessions lose the tool at once. Returns the removed grant. Throws HubError not_found.
 */
export async function revokeToolGrant(input: GrantSelector & { actor: Actor }): Promise<ToolGrantView> {
  const where =
    "grantId" in input
      ? { id: input.grantId }
      : "role" in input
        ? { toolName: input.toolName, role: input.role }
        : { toolName: input.toolName, userId: input.userId };
  const removed = await getPrisma().$transaction(async (tx) => {
    const grant = await tx.toolGrant.findFirst({ where, select: TOOL_GRANT_SELECT });
    if (!grant) throw new HubError("not_found", "Tool grant not found");
    await tx.toolGrant.delete({ where: { id: grant.id } });
    await recordAuditEvent(
      { actor: input.actor, action: "grant.remove", targetType: "tool", targetId: grant.toolName, before: { grantId: grant.id, role: grant.role, userId: grant.userId, userEmail: grant.user?.email ?? null }, after: null },
      tx,
    );
    return grant;
  });
  publishHubEvent({ type: "permissions_changed" });
  return toToolGrantView(removed);
}
