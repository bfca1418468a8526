import type { ToolStatus } from "@/lib/tool-catalog/get-tool-status";
import type { UpstreamReviewState } from "@/lib/tool-catalog/get-upstream-review-state";

/**
 * States the Tools list shows and filters by, in the order they override each other: an upstream
 * tool held for review or missing upstream is not served whatever its lifecycle says, so that
 * outranks everything but disabled (which the admin chose).
 */
export const TOOL_LIST_STATUSES = ["disabled", "missing", "held", "sunset", "deprecated", "active"] as const satisfies readonly (ToolStatus | Exclude<UpstreamReviewState, "approved">)[];
export type ToolListStatus = (typeof TOOL_LIST_STATUSES)[number];

/** One tool's state on the list: disabled, then missing or held (upstream review), then its lifecycle status. */
export function getToolListStatus(tool: { status: ToolStatus; review: UpstreamReviewState | null }): ToolListStatus {
  if (tool.status === "disabled") return "disabled";
  if (tool.review === "missing" || tool.review === "held") return tool.review;
  return tool.status;
}
