import { getPrisma } from "@/lib/db/prisma";

/**
 * The upstream server of each named tool that is an upstream tool in the catalogue, by tool name;
 * the hub's own tools (and names no longer in the catalogue) are absent. Read from the tools'
 * review rows, which hold their server, rather than from the NAME__ prefix: a built-in or command
 * tool may have `__` in its name too. One query.
 */
export async function findToolServers(toolNames: readonly string[]): Promise<Map<string, string>> {
  if (toolNames.length === 0) return new Map();
  const rows = await getPrisma().upstreamTool.findMany({ where: { toolName: { in: [...new Set(toolNames)] } }, select: { toolName: true, server: { select: { name: true } } } });
  return new Map(rows.map((row) => [row.toolName, row.server.name]));
}
