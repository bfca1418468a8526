import { z } from "zod";
import { USAGE_RANGES, type UsageRange } from "@/lib/usage/usage-ranges";

/** GET /api/v1/usage: the dashboard range, and for admins optionally one user's calls. */
export const usageQuerySchema = z.strictObject({
  range: z
    .enum(Object.keys(USAGE_RANGES) as [UsageRange, ...UsageRange[]])
    .default("24h")
    .describe("Time range ending now: 1h, 24h, 7d or 30d"),
  userId: z.uuid().optional().describe("Only this user's calls (members may only name themselves)"),
});
