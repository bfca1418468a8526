import { getPrisma } from "@/lib/db/prisma";
import { USER_SUMMARY_SELECT, toUserSummary, type UserSummary } from "@/lib/users/user-summary";

/** Every user, oldest first, without password hashes. */
export async function listUsers(): Promise<UserSummary[]> {
  const rows = await getPrisma().user.findMany({ orderBy: { createdAt: "asc" }, select: USER_SUMMARY_SELECT });
  return rows.map(toUserSummary);
}
