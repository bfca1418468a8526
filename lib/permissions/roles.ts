import type { Role } from "@/lib/generated/prisma/enums";

/**
 * What each role may do. `allTools`: every catalogue tool without grants (new tools included).
 * Others get public tools plus tools granted to their role or to them.
 */
export const ROLES = {
  admin: { label: "Admin", allTools: true, manageHub: true, seeAllUsage: true },
  member: { label: "Member", allTools: false, manageHub: false, seeAllUsage: false },
} as const satisfies Record<Role, { label: string; allTools: boolean; manageHub: boolean; seeAllUsage: boolean }>;
