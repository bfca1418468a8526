import type { Actor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";

/**
 * Withdraws an open invitation: its link stops working at once (it is marked expired now, so the
 * row stays for the audit trail). Throws HubError not_found for an unknown, used or expired invite.
 */
export async function revokeInvite(input: { inviteId: string; actor: Actor; now?: Date }): Promise<{ email: string }> {
  const now = input.now ?? new Date();
  return getPrisma().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { id: input.inviteId } });
    const withdrawn = await tx.invite.updateMany({ where: { id: input.inviteId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    if (!invite || withdrawn.count !== 1) throw new HubError("not_found", "This invitation is no longer open.");
    await recordAuditEvent(
      { actor: input.actor, action: "invite.revoke", targetType: "invite", targetId: invite.id, before: { email: invite.email, role: invite.role, expiresAt: invite.expiresAt.toISOString() }, after: { expiresAt: now.toISOString() } },
      tx,
    );
    return { email: invite.email };
  });
}
