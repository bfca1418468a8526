import { loadCatalogueSnapshot } from "@/mcp/catalogue/load-catalogue-snapshot";
import type { RunnableTool } from "@/mcp/catalogue/runnable-tool";

/** The tool `name` if it is enabled and not past its sunset date, from the in-memory snapshot. */
export async function getRunnableTool(name: string, now: Date = new Date()): Promise<RunnableTool | undefined> {
  const entry = (await loadCatalogueSnapshot()).entries.get(name);
  if (!entry || (entry.sunsetAt && entry.sunsetAt.getTime() <= now.getTime())) return undefined;
  return entry.tool;
}
