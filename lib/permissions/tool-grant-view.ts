import type { Role } from "@/lib/generated/prisma/enums";

/** A tool grant as the console, API and CLI show it. Exactly one of role, userId is set. */
export interface ToolGrantView {
  id: string;
  toolName: string;
  role: Role | null;
  userId: string | null;
  /** The grantee user's email, for display; null for role grants. */
  userEmail: string | null;
  createdAt: Date;
}

/** The Prisma select that produces a ToolGrantView. */
export const TOOL_GRANT_SELECT = {
  id: true,
  toolName: true,
  role: true,
  userId: true,
  createdAt: true,
  user: { select: { email: true } },
} as const;

/** Maps a selected row to the view. */
export function toToolGrantView(row: { id: string; toolName: string; role: Role | null; userId: string | null; createdAt: Date; user: { email: string } | null }): ToolGrantView {
  return { id: row.id, toolName: row.toolName, role: row.role, userId: row.userId, userEmail: row.user?.email ?? null, createdAt: row.createdAt };
}
