/** Lifecycle states shown in the console, in the order they override each other. */
export const TOOL_STATUSES = ["disabled", "sunset", "deprecated", "active"] as const;
export type ToolStatus = (typeof TOOL_STATUSES)[number];

/**
 * A tool's status at `now`: disabled wins, then sunset (deprecated and past its sunset date:
 * neither listed nor callable), then deprecated, else active.
 */
export function getToolStatus(row: { enabled: boolean; deprecatedAt: Date | null; sunsetAt: Date | null }, now: Date = new Date()): ToolStatus {
  if (!row.enabled) return "disabled";
  if (row.sunsetAt && row.sunsetAt.getTime() <= now.getTime()) return "sunset";
  if (row.deprecatedAt) return "deprecated";
  return "active";
}
