import { getPrisma } from "@/lib/db/prisma";
import { TOOL_GRANT_SELECT, toToolGrantView, type ToolGrantView } from "@/lib/permissions/tool-grant-view";

/** Tool grants, optionally for one tool or one user, ordered by tool then creation. */
export async function listToolGrants(filter: { toolName?: string; userId?: string } = {}): Promise<ToolGrantView[]> {
  const rows = await getPrisma().toolGrant.findMany({
    where: { toolName: filter.toolName, userId: filter.userId },
    select: TOOL_GRANT_SELECT,
    orderBy: [{ toolName: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toToolGrantView);
}
