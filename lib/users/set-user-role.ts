import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import { Role } from "@/lib/generated/prisma/enums";
import { assertAdminRemains } from "@/lib/users/assert-admin-remains";
import { USER_SUMMARY_SELECT, toUserSummary, type UserSummary } from "@/lib/users/user-summary";

/**
 * Changes a user's role, audited in the same transaction; publishes permissions_changed (the
 * role decides which tools the user's keys may call). Refuses to demote the last enabled admin.
 * Throws HubError validation_failed, not_found, conflict.
 */
export async function setUserRole(input: { userId: string; role: Role; actor: Actor }): Promise<UserSummary> {
  if (!(input.role in Role)) throw new HubError("validation_failed", `Unknown role "${input.role}": expected one of ${Object.keys(Role).join(", ")}`);
  const { row, changed } = await getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: USER_SUMMARY_SELECT });
    if (!user) throw new HubError("not_found", `User ${input.userId} not found`);
    if (user.role === input.role) return { row: user, changed: false };
    if (user.role === Role.admin) await assertAdminRemains(tx, user.id);
    const updated = await tx.user.update({ where: { id: user.id }, data: { role: input.role }, select: USER_SUMMARY_SELECT });
    await recordAuditEvent(
      { actor: input.actor, action: "user.set_role", targetType: "user", targetId: user.id, before: { role: user.role }, after: { role: input.role } },
      tx,
    );
    return { row: updated, changed: true };
  });
  if (changed) publishHubEvent({ type: "permissions_changed" });
  return toUserSummary(row);
}
