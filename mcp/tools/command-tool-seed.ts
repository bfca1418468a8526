import type { CommandToolDefinitionInput } from "@/lib/command-tools/command-tool-schema";
import type { ToolDefinition } from "@/mcp/tools/tool-definition";

/**
 * A command tool shipped with the hub: created by syncToolCatalog when absent, then owned by the
 * admins like any command tool. Its schema is in the committed snapshot like a code tool's.
 */
export interface CommandToolSeed {
  definition: CommandToolDefinitionInput & { version: string };
  deprecation?: ToolDefinition["deprecation"];
}
