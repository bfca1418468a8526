import type { CatalogueSource, SnapshotEntry } from "@/mcp/catalogue/catalogue-source";
import { toRunnableCodeTool } from "@/mcp/catalogue/to-runnable-code-tool";
import { CODE_TOOLS } from "@/mcp/tools/code-tools";

/** The tools defined in code (mcp/tools/), merged with their catalogue rows' admin flags. */
export const codeToolSource: CatalogueSource = {
  name: "code",
  collect(rows) {
    const entries: Array<[string, SnapshotEntry]> = [];
    for (const tool of CODE_TOOLS) {
      const row = rows.get(tool.name);
      // A code tool not yet synced has no admin flags: it is active.
      if (row && !row.enabled) continue;
      entries.push([tool.name, { tool: toRunnableCodeTool(tool, row), sunsetAt: row?.sunsetAt ?? null }]);
    }
    return { entries };
  },
};
