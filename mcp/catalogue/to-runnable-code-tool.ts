import { formatToolDescription, type ToolDeprecation } from "@/lib/tool-catalog/format-tool-description";
import { toDeprecationMeta } from "@/lib/tool-catalog/to-deprecation-meta";
import { toInputJsonSchema } from "@/lib/tool-catalog/to-input-json-schema";
import { formatInputIssues } from "@/mcp/tools/format-input-issues";
import type { RunnableTool } from "@/mcp/catalogue/runnable-tool";
import { toToolResult } from "@/mcp/catalogue/to-tool-result";
import type { ToolDefinition } from "@/mcp/tools/tool-definition";

const NOT_DEPRECATED: ToolDeprecation = { deprecatedAt: null, deprecationMessage: null, replacement: null, sunsetAt: null };

/** A code tool as a RunnableTool: schema parse, then the tool's own semantic checks. */
export function toRunnableCodeTool(tool: ToolDefinition, deprecation: ToolDeprecation = NOT_DEPRECATED): RunnableTool {
  const inputJsonSchema = toInputJsonSchema(tool.inputSchema).schema;
  return {
    name: tool.name,
    version: tool.version,
    title: tool.title,
    description: formatToolDescription(tool.description, deprecation),
    meta: toDeprecationMeta(deprecation),
    inputJsonSchema,
    public: tool.public ?? false,
    async validateInput(args, context) {
      const parsed = tool.inputSchema.safeParse(args ?? {});
      if (!parsed.success) return { ok: false, message: `Invalid arguments for ${tool.name}: ${formatInputIssues(parsed.error)}` };
      const check = tool.checkInput ? await tool.checkInput(parsed.data, context) : { ok: true as const };
      return check.ok ? { ok: true, input: parsed.data } : { ok: false, message: `Invalid arguments for ${tool.name}: ${check.message}` };
    },
    run: async (input, context) => toToolResult(await tool.run(input as Parameters<ToolDefinition["run"]>[0], context)),
  };
}
