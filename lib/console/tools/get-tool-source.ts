import type { ToolListItem } from "@/lib/console/tools/tool-list-item";

/** Where a tool comes from, for grouping and the source filter: its upstream server, else its kind. */
export function getToolSource(item: Pick<ToolListItem, "kind" | "server">): string {
  return item.server ?? item.kind;
}
