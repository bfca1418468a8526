import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { USER_SUMMARY_SELECT, toUserSummary, type UserSummary } from "@/lib/users/user-summary";

/**
 * Sets how many live API keys a user may hold (null: the default, 25), audited in the same
 * transaction (user.set_max_live_keys). Keys already live above a lowered cap stay; only new
 * mints are refused. Throws HubError validation_failed, not_found.
 */
export async function setUserMaxLiveKeys(input: { userId: string; maxLiveKeys: number | null; actor: Actor }): Promise<UserSummary> {
  if (input.maxLiveKeys !== null && !(Number.isInteger(input.maxLiveKeys) && input.maxLiveKeys >= 1 && input.maxLiveKeys <= 10_000)) {
    throw new HubError("validation_failed", "maxLiveKeys must be a whole number from 1 to 10000, or null for the default");
  }
  const row = await getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: USER_SUMMARY_SELECT });
    if (!user) throw new HubError("not_found", `User ${input.userId} not found`);
    if (user.maxLiveKeys === input.maxLiveKeys) return user;
    const updated = await tx.user.update({ where: { id: user.id }, data: { maxLiveKeys: input.maxLiveKeys }, select: USER_SUMMARY_SELECT });
    await recordAuditEvent(
      { actor: input.actor, action: "user.set_max_live_keys", targetType: "user", targetId: user.id, before: { maxLiveKeys: user.maxLiveKeys }, after: { maxLiveKeys: input.maxLiveKeys } },
      tx,
    );
    return updated;
  });
  return toUserSummary(row);
}
