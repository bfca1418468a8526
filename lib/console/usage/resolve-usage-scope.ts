import type { Role } from "@/lib/generated/prisma/enums";
import { HubError } from "@/lib/errors/hub-error";
import { ROLES } from "@/lib/permissions/roles";
import { resolveUsageUserFilter } from "@/lib/usage/resolve-usage-user-filter";

export interface UsageScope {
  /** The user filter to pass to lib/usage: null = everyone (admins only). */
  userId: string | null;
  /** Whether the viewer may look at other users' usage (and gets the user filter). */
  canSeeEveryone: boolean;
  /** Set when the URL asked for more than the viewer may see and the page fell back. */
  notice: string | null;
}

/**
 * Whose usage a console page shows. Admins: everyone, or the user they picked. Members: always
 * their own; a URL naming someone else falls back to their own with a notice (a page, unlike the
 * API, has something better to show than a 403).
 */
export function resolveUsageScope(viewer: { id: string; role: Role }, requestedUserId: string | null): UsageScope {
  const canSeeEveryone = ROLES[viewer.role].seeAllUsage;
  try {
    return { userId: resolveUsageUserFilter({ userId: viewer.id, role: viewer.role }, requestedUserId), canSeeEveryone, notice: null };
  } catch (error) {
    if (!(error instanceof HubError) || error.code !== "forbidden") throw error;
    return { userId: viewer.id, canSeeEveryone, notice: `${error.message}: showing yours.` };
  }
}
