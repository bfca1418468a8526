import type { Actor } from "@/lib/audit/record-audit-event";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { getConsoleUser } from "@/lib/auth/get-console-user";
import type { AdminActionResult } from "@/lib/console/admin/admin-action-result";
import { HubError } from "@/lib/errors/hub-error";
import { logger } from "@/lib/log/logger";
import { ROLES } from "@/lib/permissions/roles";

/** What a refused caller is told; the e2e suite and the pages rely on this exact text. */
export const ADMINS_ONLY_MESSAGE = "Admins only: your account may not change hub settings.";

/**
 * The frame of every admin Server Action: re-reads the caller from the database (never trusts
 * the page that posted), refuses anyone who is not a signed-in admin, runs `work` with the
 * caller as audit actor, and turns failures into a client-safe message (HubError messages as
 * they are, anything else logged and answered generically). Next has already refused a POST
 * whose Origin differs from its Host before this runs.
 */
export async function runAdminAction(
  what: string,
  work: (context: { admin: ConsoleUser; actor: Actor }) => Promise<AdminActionResult>,
): Promise<AdminActionResult> {
  const user = await getConsoleUser();
  if (!user) return { ok: false, message: "Your session has ended: sign in again." };
  if (!ROLES[user.role].manageHub) return { ok: false, message: ADMINS_ONLY_MESSAGE };
  try {
    return await work({ admin: user, actor: { userId: user.id, label: user.email } });
  } catch (error) {
    if (error instanceof HubError) return { ok: false, message: error.message };
    logger.error({ err: error }, `${what} failed`);
    return { ok: false, message: `Could not ${what}. Try again in a moment.` };
  }
}
