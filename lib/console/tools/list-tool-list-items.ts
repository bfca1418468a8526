import type { ConsoleUser } from "@/lib/auth/console-user";
import { listMyTools } from "@/lib/console/list-my-tools";
import type { ToolListItem } from "@/lib/console/tools/tool-list-item";
import { ROLES } from "@/lib/permissions/roles";
import type { ToolStatus } from "@/lib/tool-catalog/get-tool-status";
import { listCatalog } from "@/lib/tool-catalog/list-catalog";
import { getToolUsageStats } from "@/lib/usage/get-tool-usage-stats";

type ToolFields = { name: string; title: string; description: string; version: string; status: ToolStatus; kind: string };

function toItem(tool: ToolFields, calls24h: number | null): ToolListItem {
  // No upstream servers yet: every tool is the hub's own (built-in or command).
  return { name: tool.name, title: tool.title, description: tool.description, version: tool.version, status: tool.status, kind: tool.kind, server: null, calls24h };
}

/**
 * The Tools list for one console user, by name: admins get the whole catalogue (disabled and
 * sunset tools included) with calls in the last 24 h; members the tools they may call now. Two
 * queries whatever the catalogue size; schemas, grants and callers wait for the detail page.
 */
export async function listToolListItems(user: ConsoleUser, now: Date = new Date()): Promise<ToolListItem[]> {
  if (!ROLES[user.role].manageHub) return (await listMyTools(user, now)).map((tool) => toItem(tool, null));
  const [catalog, usage] = await Promise.all([listCatalog(now), getToolUsageStats({ range: "24h", now })]);
  const callsByName = new Map(usage.map((row) => [row.toolName, row.calls]));
  return catalog.map((tool) => toItem(tool, callsByName.get(tool.name) ?? 0));
}
