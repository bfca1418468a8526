import type { ConsoleUser } from "@/lib/auth/console-user";
import { listMyTools } from "@/lib/console/list-my-tools";
import { getToolListStatus } from "@/lib/console/tools/get-tool-list-status";
import { listToolServers } from "@/lib/console/tools/list-tool-servers";
import type { ToolListItem } from "@/lib/console/tools/tool-list-item";
import { ROLES } from "@/lib/permissions/roles";
import type { ToolStatus } from "@/lib/tool-catalog/get-tool-status";
import type { UpstreamReviewState } from "@/lib/tool-catalog/get-upstream-review-state";
import { listCatalog } from "@/lib/tool-catalog/list-catalog";
import { getToolUsageStats } from "@/lib/usage/get-tool-usage-stats";

type ToolFields = { name: string; title: string; description: string; version: string; status: ToolStatus; kind: string; review: UpstreamReviewState | null };

function toItem(tool: ToolFields, servers: ReadonlyMap<string, string>, calls24h: number | null): ToolListItem {
  return { name: tool.name, title: tool.title, description: tool.description, version: tool.version, status: getToolListStatus(tool), kind: tool.kind, server: servers.get(tool.name) ?? null, review: tool.review, calls24h };
}

/**
 * The Tools list for one console user, by name: admins get the whole catalogue (disabled and
 * sunset tools included, upstream tools held for review or missing upstream shown so) with
 * calls in the last 24 h; members the tools they may call now (listMyTools: approved upstream
 * tools only). Each upstream tool names its server. A few queries whatever the catalogue size; schemas, grants
 * and callers wait for the detail page.
 */
export async function listToolListItems(user: ConsoleUser, now: Date = new Date()): Promise<ToolListItem[]> {
  if (!ROLES[user.role].manageHub) {
    const [mine, servers] = await Promise.all([listMyTools(user, now), listToolServers()]);
    // listMyTools keeps approved upstream tools only.
    return mine.map((tool) => toItem({ ...tool, review: servers.has(tool.name) ? "approved" : null }, servers, null));
  }
  const [catalog, servers, usage] = await Promise.all([listCatalog(now), listToolServers(), getToolUsageStats({ range: "24h", now })]);
  const callsByName = new Map(usage.map((row) => [row.toolName, row.calls]));
  return catalog.map((tool) => toItem(tool, servers, callsByName.get(tool.name) ?? 0));
}
