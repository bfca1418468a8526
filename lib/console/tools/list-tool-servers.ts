import { getPrisma } from "@/lib/db/prisma";

/** The upstream server of every federated tool, by tool name (the hub's own tools are absent). One query. */
export async function listToolServers(): Promise<Map<string, string>> {
  const rows = await getPrisma().upstreamTool.findMany({ select: { toolName: true, server: { select: { name: true } } } });
  return new Map(rows.map((row) => [row.toolName, row.server.name]));
}
