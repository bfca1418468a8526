import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** A tool result's text parts joined by lines, other parts as [type]: what the tests compare. */
export function toolResultText(result: CallToolResult): string {
  return result.content.map((item) => (item.type === "text" ? item.text : `[${item.type}]`)).join("\n");
}
