import { loadCatalogueSnapshot } from "@/mcp/catalogue/load-catalogue-snapshot";
import type { RunnableTool } from "@/mcp/catalogue/runnable-tool";

/**
 * Every enabled tool not past its sunset date, by name, from the in-memory catalogue snapshot
 * (no DB query per call; refreshed on catalog_changed). Permissions are the caller's business.
 */
export async function listRunnableTools(now: Date = new Date()): Promise<readonly RunnableTool[]> {
  const snapshot = await loadCatalogueSnapshot();
  const tools: RunnableTool[] = [];
  for (const entry of snapshot.entries.values()) {
    if (!entry.sunsetAt || entry.sunsetAt.getTime() > now.getTime()) tools.push(entry.tool);
  }
  return tools;
}
