import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ToolContext } from "@/mcp/tools/tool-definition";

/**
 * A tool as the MCP pipeline sees it, whatever its source (code, command, upstream server),
 * already merged with the catalogue's admin flags. Only enabled tools that are not past their
 * sunset date are ever handed out as RunnableTool.
 */
export interface RunnableTool {
  name: string;
  version: string;
  title: string;
  /** Already prefixed "[DEPRECATED: Use X] " (or "[DEPRECATED] ") + message + sunset when deprecated. */
  description: string;
  /** tools/list `_meta`: the deprecation (replacement, sunset) for deprecated tools, else undefined. */
  meta?: Record<string, unknown>;
  /** JSON Schema (type: "object", no $schema) for tools/list. */
  inputJsonSchema: Record<string, unknown>;
  /** Output JSON Schema and annotations, listed when the source has them (upstream tools). */
  outputJsonSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  /** The upstream server a tool is forwarded to; undefined for the hub's own tools. */
  server?: string;
  /**
   * The longest one run may take before the pipeline aborts it, in ms; undefined: the pipeline's
   * own limit for the hub's tools (SWITCHBOARD_TOOL_TIMEOUT_SECONDS). Upstream tools carry their
   * server's, which an admin sets per server (--timeout) and progress may extend.
   */
  timeoutMs?: number;
  /** Public tools are callable by every role without a grant. */
  public: boolean;
  /** Schema parse plus semantic checks; the message is safe to show the client. */
  validateInput(args: unknown, context: ToolContext): Promise<{ ok: true; input: unknown } | { ok: false; message: string }>;
  /** Runs the tool on validated input; throws HubError for a client-safe failure. */
  run(input: unknown, context: ToolContext): Promise<CallToolResult>;
}
