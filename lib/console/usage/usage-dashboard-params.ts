import { z } from "zod";
import { USAGE_RANGES, type UsageRange } from "@/lib/usage/usage-ranges";
import { parseSearchParams, type RawSearchParams } from "@/lib/console/usage/parse-search-params";
import { upstreamNameSchema } from "@/lib/upstreams/upstream-server-schema";

/** The range a dashboard shows when the URL names none. */
export const DEFAULT_USAGE_RANGE: UsageRange = "24h";

/** The usage dashboard's URL search params (GET form and range links). */
export const usageDashboardParamsShape = {
  range: z.enum(Object.keys(USAGE_RANGES) as [UsageRange, ...UsageRange[]]).describe("Time range ending now: 1h, 24h, 7d or 30d"),
  user: z.uuid().describe("Admins only: show this user's calls instead of everyone's"),
  server: upstreamNameSchema.describe("Rank only this upstream server's tools"),
} as const;

export interface UsageDashboardParams {
  range: UsageRange;
  /** The user asked for, before the viewer's role is applied (resolveUsageUserFilter). */
  requestedUserId: string | null;
  /** Rank only this upstream server's tools; null: every tool. */
  serverName: string | null;
  /** Params that were present but invalid (and ignored). */
  ignored: string[];
}

/** Parses the dashboard's search params; invalid values fall back to the defaults. Pure. */
export function parseUsageDashboardParams(searchParams: RawSearchParams): UsageDashboardParams {
  const { values, ignored } = parseSearchParams(usageDashboardParamsShape, searchParams);
  return { range: values.range ?? DEFAULT_USAGE_RANGE, requestedUserId: values.user ?? null, serverName: values.server ?? null, ignored };
}
