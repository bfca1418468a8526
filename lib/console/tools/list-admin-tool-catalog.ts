import { listDeprecatedToolCallers, type DeprecatedToolCaller } from "@/lib/console/tools/list-deprecated-tool-callers";
import { getPrisma } from "@/lib/db/prisma";
import { listToolGrants } from "@/lib/permissions/list-tool-grants";
import type { ToolGrantView } from "@/lib/permissions/tool-grant-view";
import { listCatalog, type CatalogItem } from "@/lib/tool-catalog/list-catalog";
import { getToolUsageStats } from "@/lib/usage/get-tool-usage-stats";

/** A catalogue entry as the admin's tools page shows it. */
export interface AdminToolView extends CatalogItem {
  inputSchema: unknown;
  grants: ToolGrantView[];
  /** tools/call attempts in the last 24 hours (from the per-minute rollups). */
  calls24h: number;
  /** For deprecated and sunset tools: who called it in the last 30 days; empty otherwise. */
  callers: DeprecatedToolCaller[];
}

/**
 * The whole catalogue for admins (disabled and sunset tools included), each tool with its input
 * schema, grants, calls in the last 24 h and, when deprecated, who still calls it. Five queries
 * whatever the catalogue size.
 */
export async function listAdminToolCatalog(now: Date = new Date()): Promise<AdminToolView[]> {
  const [catalog, schemas, grants, usage] = await Promise.all([
    listCatalog(now),
    getPrisma().tool.findMany({ select: { name: true, inputSchema: true } }),
    listToolGrants(),
    getToolUsageStats({ range: "24h", now }),
  ]);
  const deprecated = catalog.filter((tool) => tool.deprecatedAt !== null).map((tool) => tool.name);
  const callers = await listDeprecatedToolCallers(deprecated, now);
  const schemaByName = new Map(schemas.map((row) => [row.name, row.inputSchema]));
  const callsByName = new Map(usage.map((row) => [row.toolName, row.calls]));
  return catalog.map((tool) => ({
    ...tool,
    inputSchema: schemaByName.get(tool.name) ?? null,
    grants: grants.filter((grant) => grant.toolName === tool.name),
    calls24h: callsByName.get(tool.name) ?? 0,
    callers: callers.get(tool.name) ?? [],
  }));
}
