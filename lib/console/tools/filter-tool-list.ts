import { z } from "zod";
import { TOOL_LIST_STATUSES } from "@/lib/console/tools/get-tool-list-status";
import { getToolSource } from "@/lib/console/tools/get-tool-source";
import type { ToolListItem } from "@/lib/console/tools/tool-list-item";

/** The Tools list's filters, from the page's query string (each optional; bad values are ignored). */
export const toolListFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined).describe("Words that must all appear in the name, title or description"),
  status: z.enum(TOOL_LIST_STATUSES).optional().catch(undefined).describe("Only tools in this state: a lifecycle status, or held / missing for upstream tools in review"),
  source: z.string().trim().min(1).max(200).optional().catch(undefined).describe("Only tools from this source: builtin, command or an upstream server's name"),
});
export type ToolListFilter = z.output<typeof toolListFilterSchema>;

/**
 * The tools matching every given filter, in their order: the search's words (case-insensitive,
 * any order) in the name, title or description; the status (getToolListStatus); the source (getToolSource).
 */
export function filterToolList<T extends ToolListItem>(items: readonly T[], filter: ToolListFilter): T[] {
  const words = (filter.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filter.status && item.status !== filter.status) return false;
    if (filter.source && getToolSource(item) !== filter.source) return false;
    if (words.length === 0) return true;
    const text = `${item.name} ${item.title} ${item.description}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
