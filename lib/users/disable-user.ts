import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import { Role } from "@/lib/generated/prisma/enums";
import { assertAdminRemains } from "@/lib/users/assert-admin-remains";
import { USER_SUMMARY_SELECT, toUserSummary, type UserSummary } from "@/lib/users/user-summary";

/**
 * Disables (or, with `disabled: false`, re-enables) a user: their keys stop authenticating and
 * console sign-in is refused. Audited in the same transaction; publishes user_disabled so caches
 * and live sessions drop the user at once. Refuses to disable the last enabled admin.
 * Throws HubError not_found, conflict.
 */
export async function disableUser(input: { userId: string; actor: Actor; disabled?: boolean }): Promise<UserSummary> {
  const disable = input.disabled ?? true;
  const { row, changed } = await getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: USER_SUMMARY_SELECT });
    if (!user) throw new HubError("not_found", `User ${input.userId} not found`);
    if ((user.disabledAt !== null) === disable) return { row: user, changed: false };
    if (disable && user.role === Role.admin) await assertAdminRemains(tx, user.id);
    const disabledAt = disable ? new Date() : null;
    const updated = await tx.user.update({ where: { id: user.id }, data: { disabledAt }, select: USER_SUMMARY_SELECT });
    await recordAuditEvent(
      {
        actor: input.actor,
        action: disable ? "user.disable" : "user.enable",
        targetType: "user",
        targetId: user.id,
        before: { disabledAt: user.disabledAt?.toISOString() ?? null },
        after: { disabledAt: disabledAt?.toISOString() ?? null },
      },
      tx,
    );
    return { row: updated, changed: true };
  });
  if (changed && disable) publishHubEvent({ type: "user_disabled", userId: row.id });
  if (changed && !disable) publishHubEvent({ type: "permissions_changed" });
  return toUserSummary(row);
}
