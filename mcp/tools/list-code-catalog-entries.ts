import { buildCommandJsonSchema } from "@/lib/command-tools/build-command-json-schema";
import { parseCommandToolDefinition } from "@/lib/command-tools/parse-command-tool-definition";
import type { CanonicalInputSchema } from "@/lib/tool-catalog/canonicalize-input-schema";
import type { CodeCatalogEntry } from "@/lib/tool-catalog/sync-tool-rows";
import { toInputJsonSchema } from "@/lib/tool-catalog/to-input-json-schema";
import { CODE_TOOLS, COMMAND_TOOL_SEEDS } from "@/mcp/tools/code-tools";
import type { ToolDefinition } from "@/mcp/tools/tool-definition";

type Described = Pick<CodeCatalogEntry, "name" | "version" | "title" | "description"> & { public?: boolean };

/**
 * The catalogue entries declared in code: every code tool and every seeded command tool, with
 * canonical input JSON Schema and hash. Used by syncToolCatalog and by the schema snapshot test.
 */
export function listCodeCatalogEntries(): CodeCatalogEntry[] {
  const tools = CODE_TOOLS.map((tool) => toEntry(tool, toInputJsonSchema(tool.inputSchema), tool.deprecation));
  const seeds = COMMAND_TOOL_SEEDS.map((seed) => {
    const definition = parseCommandToolDefinition(seed.definition);
    return { ...toEntry(definition, buildCommandJsonSchema(definition.parameters), seed.deprecation), command: definition };
  });
  return [...tools, ...seeds];
}

function toEntry(tool: Described, schema: CanonicalInputSchema, deprecation: ToolDefinition["deprecation"]): CodeCatalogEntry {
  return {
    name: tool.name,
    version: tool.version,
    title: tool.title,
    description: tool.description,
    public: tool.public ?? false,
    inputSchema: schema.schema,
    schemaHash: schema.hash,
    deprecation: deprecation && {
      message: deprecation.message,
      replacement: deprecation.replacement,
      sunset: deprecation.sunset ? new Date(deprecation.sunset) : undefined,
    },
  };
}
