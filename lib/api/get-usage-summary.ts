import { getCallsOverTime, type CallsOverTimePoint } from "@/lib/usage/get-calls-over-time";
import { getRateLimitViolationsOverTime, type ViolationsOverTimePoint } from "@/lib/usage/get-rate-limit-violations-over-time";
import { getRequestsByClient, type ClientUsage } from "@/lib/usage/get-requests-by-client";
import { getRequestsByKey, type KeyUsage } from "@/lib/usage/get-requests-by-key";
import { getToolUsageStats, type ToolUsageStats } from "@/lib/usage/get-tool-usage-stats";
import type { UsageQuery, UsageRange } from "@/lib/usage/usage-ranges";

/** GET /api/v1/usage: the console dashboard's figures in one answer. */
export interface UsageSummary {
  range: UsageRange;
  /** The user the figures are limited to; null = everyone (admins only). */
  userId: string | null;
  callsOverTime: CallsOverTimePoint[];
  tools: ToolUsageStats[];
  clients: ClientUsage[];
  keys: KeyUsage[];
  rateLimitViolations: ViolationsOverTimePoint[];
}

/**
 * The usage figures for a range (from the rollups, so it stays fast at millions of calls). The
 * caller must already have applied resolveUsageUserFilter: members always pass their own id.
 */
export async function getUsageSummary(query: UsageQuery): Promise<UsageSummary> {
  const now = query.now ?? new Date();
  const scoped = { ...query, now };
  const [callsOverTime, tools, clients, keys, rateLimitViolations] = await Promise.all([
    getCallsOverTime(scoped),
    getToolUsageStats(scoped),
    getRequestsByClient(scoped),
    getRequestsByKey(scoped),
    getRateLimitViolationsOverTime(scoped),
  ]);
  return { range: query.range, userId: query.userId ?? null, callsOverTime, tools, clients, keys, rateLimitViolations };
}
