import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ToolOutput } from "@/mcp/tools/tool-definition";

/** A hub tool's output as an MCP result: one text block, plus structuredContent when given. */
export function toToolResult(output: ToolOutput): CallToolResult {
  const result: CallToolResult = { content: [{ type: "text", text: output.text }] };
  if (output.structured) result.structuredContent = output.structured;
  return result;
}
