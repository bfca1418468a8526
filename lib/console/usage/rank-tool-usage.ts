import type { ToolUsageStats } from "@/lib/usage/get-tool-usage-stats";

/**
 * The dashboard's "slowest" and "most failing" tables from one getToolUsageStats answer: slowest
 * by p95 (then p99), among tools that ran; most failing by failed calls (then error rate), among
 * tools with at least one failure. At most `limit` each. Pure.
 */
export function rankToolUsage(stats: readonly ToolUsageStats[], limit = 5): { slowest: ToolUsageStats[]; mostFailing: ToolUsageStats[] } {
  const slowest = stats
    .filter((tool) => tool.p95Ms !== null)
    .toSorted((a, b) => (b.p95Ms ?? 0) - (a.p95Ms ?? 0) || (b.p99Ms ?? 0) - (a.p99Ms ?? 0) || a.toolName.localeCompare(b.toolName))
    .slice(0, limit);
  const mostFailing = stats
    .filter((tool) => tool.errors > 0)
    .toSorted((a, b) => b.errors - a.errors || b.errorRate - a.errorRate || a.toolName.localeCompare(b.toolName))
    .slice(0, limit);
  return { slowest, mostFailing };
}
