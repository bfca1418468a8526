import type { Role } from "@/lib/generated/prisma/enums";
import { HubError } from "@/lib/errors/hub-error";
import { ROLES } from "@/lib/permissions/roles";

/**
 * The user filter a viewer may use on usage data: admins see everyone (or the user they ask
 * for); members see only their own calls — asking for another user's is forbidden.
 */
export function resolveUsageUserFilter(viewer: { userId: string; role: Role }, requestedUserId?: string | null): string | null {
  if (ROLES[viewer.role].seeAllUsage) return requestedUserId ?? null;
  if (requestedUserId && requestedUserId !== viewer.userId) {
    throw new HubError("forbidden", "Members can only see their own usage");
  }
  return viewer.userId;
}
