import { parseCommandToolDefinition } from "@/lib/command-tools/parse-command-tool-definition";
import { readCommandToolRow } from "@/lib/command-tools/read-command-tool-row";
import { logger } from "@/lib/log/logger";
import type { CatalogueSource, SnapshotEntry } from "@/mcp/catalogue/catalogue-source";
import { toRunnableCommandTool } from "@/mcp/catalogue/to-runnable-command-tool";

/** Admin-defined command tools, from their catalogue rows. */
export const commandToolSource: CatalogueSource = {
  name: "command",
  collect(rows) {
    const entries: Array<[string, SnapshotEntry]> = [];
    for (const row of rows.values()) {
      const command = row.command;
      if (!command || !row.enabled) continue;
      try {
        const definition = parseCommandToolDefinition(readCommandToolRow(row, command));
        const tool = toRunnableCommandTool(definition, { inputJsonSchema: row.inputSchema as Record<string, unknown>, deprecation: row, public: row.public });
        entries.push([row.name, { tool, sunsetAt: row.sunsetAt }]);
      } catch (error) {
        // One broken row must not take the whole catalogue down; the console still shows it.
        logger.error({ err: error, tool: row.name }, "command tool definition is invalid; tool not served");
      }
    }
    return { entries };
  },
};
