import type { ToolContext, ToolOutput } from "@/mcp/tools/tool-definition";

/**
 * A tool as the MCP pipeline sees it: a code tool or an admin-defined command tool, already merged
 * with the catalogue's admin flags. Only enabled tools that are not past their sunset date are
 * ever handed out as RunnableTool.
 */
export interface RunnableTool {
  name: string;
  version: string;
  title: string;
  /** Already prefixed "[DEPRECATED: Use X] " (or "[DEPRECATED] " + message) when deprecated. */
  description: string;
  /** JSON Schema (type: "object", no $schema) for tools/list. */
  inputJsonSchema: Record<string, unknown>;
  /** Public tools are callable by every role without a grant. */
  public: boolean;
  /** Schema parse plus semantic checks; the message is safe to show the client. */
  validateInput(args: unknown, context: ToolContext): Promise<{ ok: true; input: unknown } | { ok: false; message: string }>;
  /** Runs the tool on validated input; throws HubError for a client-safe failure. */
  run(input: unknown, context: ToolContext): Promise<ToolOutput>;
}
