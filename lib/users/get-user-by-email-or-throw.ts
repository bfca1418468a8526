import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { normalizeEmail } from "@/lib/users/normalize-email";
import { USER_SUMMARY_SELECT, toUserSummary, type UserSummary } from "@/lib/users/user-summary";

/** The user with this email (any case). Throws HubError validation_failed or not_found. */
export async function getUserByEmailOrThrow(rawEmail: string): Promise<UserSummary> {
  const email = normalizeEmail(rawEmail);
  if (!email.ok) throw new HubError("validation_failed", email.message);
  const row = await getPrisma().user.findUnique({ where: { email: email.email }, select: USER_SUMMARY_SELECT });
  if (!row) throw new HubError("not_found", `No user with email ${email.email}`);
  return toUserSummary(row);
}
