import type { ToolUsageStats } from "@/lib/usage/get-tool-usage-stats";

/** A ranked tool with the upstream server it belongs to (null: the hub's own). */
export type RankedToolUsage = ToolUsageStats & { server: string | null };

/**
 * The dashboard's "slowest" and "most failing" tables from one getToolUsageStats answer: slowest
 * by p95 (then p99), among tools that ran; most failing by failed calls (then error rate), among
 * tools with at least one failure. At most `limit` (default 5) each. Each tool carries its server
 * from `servers` (findToolServers); with `server`, only that server's tools are ranked. Pure.
 */
export function rankToolUsage(
  stats: readonly ToolUsageStats[],
  options: { limit?: number; servers?: ReadonlyMap<string, string>; server?: string | null } = {},
): { slowest: RankedToolUsage[]; mostFailing: RankedToolUsage[] } {
  const limit = options.limit ?? 5;
  const ranked = stats.map((tool) => ({ ...tool, server: options.servers?.get(tool.toolName) ?? null })).filter((tool) => !options.server || tool.server === options.server);
  const slowest = ranked
    .filter((tool) => tool.p95Ms !== null)
    .toSorted((a, b) => (b.p95Ms ?? 0) - (a.p95Ms ?? 0) || (b.p99Ms ?? 0) - (a.p99Ms ?? 0) || a.toolName.localeCompare(b.toolName))
    .slice(0, limit);
  const mostFailing = ranked
    .filter((tool) => tool.errors > 0)
    .toSorted((a, b) => b.errors - a.errors || b.errorRate - a.errorRate || a.toolName.localeCompare(b.toolName))
    .slice(0, limit);
  return { slowest, mostFailing };
}
