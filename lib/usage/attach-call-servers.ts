import type { CallKind } from "@/lib/generated/prisma/enums";
import { findToolServers } from "@/lib/upstreams/find-tool-servers";
import { parseUpstreamPromptName } from "@/lib/upstreams/parse-upstream-prompt-name";
import { parseHubResourceUri } from "@/lib/upstreams/upstream-resource-uri";

/**
 * Each call-log entry with the upstream server it went to: a tool call's from the tool's catalogue
 * entry (null for the hub's own tools, and for tools no longer in the catalogue, e.g. under a
 * server's old name), a resource read's or prompt get's from its hub name. One query per page.
 */
export async function attachCallServers<Entry extends { kind: CallKind; toolName: string }>(entries: readonly Entry[]): Promise<(Entry & { server: string | null })[]> {
  const toolServers = await findToolServers(entries.filter((entry) => entry.kind === "tool").map((entry) => entry.toolName));
  return entries.map((entry) => ({
    ...entry,
    server:
      entry.kind === "tool"
        ? (toolServers.get(entry.toolName) ?? null)
        : ((entry.kind === "resource" ? parseHubResourceUri(entry.toolName) : parseUpstreamPromptName(entry.toolName))?.server ?? null),
  }));
}
