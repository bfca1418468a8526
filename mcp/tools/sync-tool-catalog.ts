import { logger } from "@/lib/log/logger";
import { syncToolRows } from "@/lib/tool-catalog/sync-tool-rows";
import { listCodeCatalogEntries } from "@/mcp/tools/list-code-catalog-entries";

/**
 * At start: upserts the code tools and seeded command tools into the catalogue (new tools added,
 * schema changes recorded in ToolRevision, admin flags kept). Publishes catalog_changed when
 * something changed, which also refreshes this process's snapshot.
 */
export async function syncToolCatalog(): Promise<void> {
  const summary = await syncToolRows(listCodeCatalogEntries());
  logger.info(summary, "tool catalogue synced");
}
