import { forbidden } from "next/navigation";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { requireConsoleUser } from "@/lib/console/require-console-user";
import { ROLES } from "@/lib/permissions/roles";

/**
 * For admin pages: the signed-in admin, a redirect to /login, or the 403 page. Every admin page
 * calls it first, before fetching anything: Next renders a page alongside its layouts and streams
 * it, so the admin layout's own check cannot keep a page's data from leaking.
 */
export async function requireConsoleAdmin(): Promise<ConsoleUser> {
  const user = await requireConsoleUser();
  if (!ROLES[user.role].manageHub) forbidden();
  return user;
}
