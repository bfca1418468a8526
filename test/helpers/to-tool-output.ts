import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ToolOutput } from "@/mcp/tools/tool-definition";

/** A hub tool's MCP result read back as its ToolOutput (text block, optional structuredContent). */
export function toToolOutput(result: CallToolResult): ToolOutput {
  const first = result.content[0];
  const output: ToolOutput = { text: first?.type === "text" ? first.text : "" };
  if (result.structuredContent) output.structured = result.structuredContent;
  return output;
}
