import type { ToolStatus } from "@/lib/tool-catalog/get-tool-status";

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
  status: ToolStatus;
  kind: string;
  server: string | null;
  /** tools/call attempts in the last 24 h; null where the viewer is not shown usage (members). */
  calls24h: number | null;
}
