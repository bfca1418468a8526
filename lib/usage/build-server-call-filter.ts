import { getPrisma } from "@/lib/db/prisma";
import { escapeLikePattern } from "@/lib/db/escape-like-pattern";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toHubResourceUri } from "@/lib/upstreams/upstream-resource-uri";
import { upstreamToolName } from "@/lib/upstreams/upstream-tool-name";

/**
 * The call-log condition for "calls to server NAME": tool calls of the tools its catalogue entries
 * name (every tool it has had since it got this name, listed or missing), and resource reads and
 * prompt gets under its sb-upstream://NAME/ and NAME__ names (those have no catalogue rows).
 * Null when no server has that name, so the caller answers an empty page without a scan.
 */
export async function buildServerCallFilter(serverName: string): Promise<Prisma.CallLogWhereInput | null> {
  const server = await getPrisma().upstreamServer.findUnique({ where: { name: serverName }, select: { tools: { select: { toolName: true } } } });
  if (!server) return null;
  return {
    OR: [
      { kind: "tool", toolName: { in: server.tools.map((tool) => tool.toolName) } },
      { kind: "resource", toolName: { startsWith: escapeLikePattern(toHubResourceUri(serverName, "")) } },
      { kind: "prompt", toolName: { startsWith: escapeLikePattern(upstreamToolName(serverName, "")) } },
    ],
  };
}
