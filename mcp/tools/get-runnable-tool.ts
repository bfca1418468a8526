import { loadCatalogSnapshot } from "@/mcp/tools/load-catalog-snapshot";
import type { RunnableTool } from "@/mcp/tools/runnable-tool";

/** The tool `name` if it is enabled and not past its sunset date, from the in-memory snapshot. */
export async function getRunnableTool(name: string, now: Date = new Date()): Promise<RunnableTool | undefined> {
  const entry = (await loadCatalogSnapshot()).entries.get(name);
  if (!entry || (entry.sunsetAt && entry.sunsetAt.getTime() <= now.getTime())) return undefined;
  return entry.tool;
}
