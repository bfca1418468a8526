// A stdio MCP server of the tests' own, started by the hub: its tools are read from the JSON file
// named by argv[2] at every tools/list, and it announces tools/list_changed when that file changes,
// so a test can redefine a tool upstream. Tool behaviour: "crash" exits the process mid-call,
// "slow" reports progress until cancelled (writing "cancelled" to argv[2] + ".cancelled"), any
// other tool answers with its arguments as text and structuredContent.
import { readFileSync, watchFile, writeFileSync } from "node:fs";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema, type Tool } from "@modelcontextprotocol/sdk/types.js";

const definitionsFile = process.argv[2];
const readTools = () => (JSON.parse(readFileSync(definitionsFile, "utf8")) as { tools: Tool[] }).tools;

const server = new Server({ name: "changing-upstream", version: "1.2.3" }, { capabilities: { tools: { listChanged: true } } });
server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: readTools() }));
server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  const { name, arguments: args = {} } = request.params;
  if (name === "crash") {
    setTimeout(() => process.exit(3), 50);
    return new Promise(() => {});
  }
  if (name === "slow") {
    const token = request.params._meta?.progressToken;
    for (let step = 1; step <= 600; step += 1) {
      if (extra.signal.aborted) {
        writeFileSync(`${definitionsFile}.cancelled`, "cancelled");
        return { content: [{ type: "text", text: "cancelled" }] };
      }
      if (token !== undefined) await extra.sendNotification({ method: "notifications/progress", params: { progressToken: token, progress: step, total: 600 } });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { content: [{ type: "text", text: "finished" }] };
  }
  return { content: [{ type: "text", text: `${name}: ${JSON.stringify(args)}` }], structuredContent: { tool: name, args } };
});

watchFile(definitionsFile, { interval: 100 }, () => void server.sendToolListChanged().catch(() => {}));
await server.connect(new StdioServerTransport());
