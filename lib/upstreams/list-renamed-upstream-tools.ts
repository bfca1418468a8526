import { getPrisma } from "@/lib/db/prisma";
import { resolveRenamedToolNames, type ToolRename } from "@/lib/upstreams/resolve-renamed-tool-names";

/** Renames read back: enough for years of them; a server renamed more often than this loses the oldest hints. */
const MAX_RENAMES = 1_000;

/**
 * Old names of renamed servers' tools → their names now (resolveRenamedToolNames), from the
 * upstream.rename audit events, which every instance reads from the same database. `current`:
 * the names the catalogue has now (never mapped elsewhere).
 */
export async function listRenamedUpstreamTools(current: ReadonlySet<string>): Promise<Map<string, string>> {
  const events = await getPrisma().auditEvent.findMany({
    where: { targetType: "upstream_server", action: "upstream.rename" },
    select: { before: true, after: true },
    orderBy: { id: "desc" },
    take: MAX_RENAMES,
  });
  const renames: ToolRename[] = events.reverse().map((event) => ({ from: toolsOf(event.before), to: toolsOf(event.after) }));
  return resolveRenamedToolNames(renames, current);
}

function toolsOf(state: unknown): string[] {
  const tools = (state as { tools?: unknown } | null)?.tools;
  return Array.isArray(tools) && tools.every((tool) => typeof tool === "string") ? tools : [];
}
