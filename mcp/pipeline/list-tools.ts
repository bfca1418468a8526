import type { ListToolsResult } from "@modelcontextprotocol/sdk/types.js";
import type { Principal } from "@/lib/api-keys/principal";
import { listPermittedTools } from "@/lib/permissions/list-permitted-tools";
import { listRunnableTools } from "@/mcp/catalogue/list-runnable-tools";

type ListedTool = ListToolsResult["tools"][number];

/**
 * tools/list for one principal: the runnable tools it is permitted to call (both sides cached in
 * memory), each with its description (deprecation text included), JSON Schema and, when
 * deprecated, the deprecation in `_meta`.
 */
export async function listTools(principal: Principal): Promise<ListToolsResult> {
  const [permitted, runnable] = await Promise.all([listPermittedTools(principal), listRunnableTools()]);
  const tools: ListToolsResult["tools"] = [];
  for (const tool of runnable) {
    if (!permitted.has(tool.name)) continue;
    const listed: ListedTool = { name: tool.name, title: tool.title, description: tool.description, inputSchema: tool.inputJsonSchema as ListedTool["inputSchema"] };
    if (tool.outputJsonSchema) listed.outputSchema = tool.outputJsonSchema as ListedTool["outputSchema"];
    if (tool.annotations) listed.annotations = tool.annotations;
    if (tool.meta) listed._meta = tool.meta;
    tools.push(listed);
  }
  return { tools };
}
