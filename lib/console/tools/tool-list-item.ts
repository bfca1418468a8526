import type { ToolListStatus } from "@/lib/console/tools/get-tool-list-status";
import type { UpstreamReviewState } from "@/lib/tool-catalog/get-upstream-review-state";

/**
 * One row of the Tools list (admins and members alike). `server` names the upstream MCP server a
 * federated tool comes from (null for the hub's own built-in and command tools): the list groups
 * and filters by `source`, which is that server or the tool's kind.
 */
export interface ToolListItem {
  name: string;
  title: string;
  /** Admins: as clients see it (deprecation text included); members: the tool's own (the status says deprecated). */
  description: string;
  version: string;
  /** Its lifecycle status, overridden by an upstream tool's review (held, missing): getToolListStatus. */
  status: ToolListStatus;
  kind: string;
  server: string | null;
  /** An upstream tool's review state (members only ever see approved ones); null for the hub's own. */
  review: UpstreamReviewState | null;
  /** tools/call attempts in the last 24 h; null where the viewer is not shown usage (members). */
  calls24h: number | null;
}
