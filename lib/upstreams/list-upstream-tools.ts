import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { ListedUpstreamTool } from "@/lib/upstreams/sync-upstream-tools";
import { toUpstreamToolDefinition, UPSTREAM_LIMITS } from "@/lib/upstreams/to-upstream-tool-definition";

/**
 * Every tool an upstream lists (following cursors, at most UPSTREAM_LIMITS.toolsPerServer),
 * canonical and bounded; tools the hub cannot serve come back in `skipped` with the reason.
 */
export async function listUpstreamTools(client: Client, timeoutMs: number): Promise<{ tools: ListedUpstreamTool[]; skipped: string[] }> {
  const raw: Tool[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor ? { cursor } : undefined, { timeout: timeoutMs });
    raw.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor && raw.length < UPSTREAM_LIMITS.toolsPerServer);
  const tools: ListedUpstreamTool[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const tool of raw.slice(0, UPSTREAM_LIMITS.toolsPerServer)) {
    const parsed = toUpstreamToolDefinition(tool);
    if (!parsed.ok) skipped.push(parsed.message);
    else if (seen.has(parsed.name)) skipped.push(`tool ${parsed.name} is listed twice`);
    else {
      seen.add(parsed.name);
      tools.push({ name: parsed.name, definition: parsed.definition });
    }
  }
  return { tools, skipped };
}
