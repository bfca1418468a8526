import { OWN_TOOL_SOURCES } from "@/lib/console/tools/describe-tool-source";
import { getToolSource } from "@/lib/console/tools/get-tool-source";
import type { ToolListItem } from "@/lib/console/tools/tool-list-item";

/** Tools by source (getToolSource), keeping their order inside a group: own sources first, then upstream servers by name. */
export function groupToolsBySource<T extends ToolListItem>(items: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const source = getToolSource(item);
    const group = groups.get(source);
    if (group) group.push(item);
    else groups.set(source, [item]);
  }
  const own = Object.keys(OWN_TOOL_SOURCES);
  const rank = (source: string) => (own.includes(source) ? own.indexOf(source) : own.length);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}
