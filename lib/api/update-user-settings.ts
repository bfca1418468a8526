import type { UpdateUserBody } from "@/lib/api/schemas/update-user-schema";
import type { Actor } from "@/lib/audit/record-audit-event";
import { disableUser } from "@/lib/users/disable-user";
import { setUserMaxLiveKeys } from "@/lib/users/set-user-max-live-keys";
import { setUserRole } from "@/lib/users/set-user-role";
import type { UserSummary } from "@/lib/users/user-summary";

/**
 * Applies PATCH /api/v1/users/{id} through the user services (each audits and publishes its
 * event): the role first, then disabled, then the live-key cap. Both refuse to leave the hub without an enabled admin.
 * Returns the user as it now is. Throws HubError not_found / conflict / validation_failed.
 */
export async function updateUserSettings(input: { userId: string; body: UpdateUserBody; actor: Actor }): Promise<UserSummary> {
  const { userId, body, actor } = input;
  let user: UserSummary | undefined;
  if (body.role !== undefined) user = await setUserRole({ userId, role: body.role, actor });
  if (body.disabled !== undefined) user = await disableUser({ userId, disabled: body.disabled, actor });
  if (body.maxLiveKeys !== undefined) user = await setUserMaxLiveKeys({ userId, maxLiveKeys: body.maxLiveKeys, actor });
  // The schema guarantees at least one field, so one of the services answered.
  return user as UserSummary;
}
