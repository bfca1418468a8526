// A stdio MCP server of the tests' own, started by the hub: its tools, resources and prompts are
// read from the JSON file named by argv[2] at every list, and it announces tools/list_changed when
// that file changes, so a test can redefine a tool upstream. Tool behaviour: "crash" exits the
// process mid-call, "slow" works for `steps` × 100 ms (default 600), reporting progress when
// asked, until cancelled (writing "cancelled" to argv[2] + ".cancelled"), "gather" answers once
// `count` gather calls are in flight at once (or after `waitMs`) with the most it saw, "announce"
// sends resources/list_changed or prompts/list_changed (argument `list`) from this process only,
// "touch" sends resources/updated for every resource this process was subscribed to
// (resources/subscribe) and answers how many, "audio" answers one audio content item (its
// arguments' base64 `data` and `mimeType`), "record" appends its arguments to argv[2] + ".calls"
// (a line each); any other tool answers with its arguments as text and structuredContent. With
// "--silent" after the file it never announces a tool list change (nor declares that it would),
// like a server whose lists a hub must re-read on its own.
import { appendFileSync, readFileSync, watchFile, writeFileSync } from "node:fs";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import {
  CallToolRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  type Prompt,
  type Resource,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";

const definitionsFile = process.argv[2];
const silent = process.argv[3] === "--silent";
const readDefinitions = () => JSON.parse(readFileSync(definitionsFile, "utf8")) as { tools: Tool[]; resources?: Resource[]; prompts?: Prompt[] };

const server = new Server({ name: "changing-upstream", version: "1.2.3" }, { capabilities: { tools: { listChanged: !silent }, resources: { listChanged: true, subscribe: true }, prompts: { listChanged: true } } });
server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: readDefinitions().tools }));
server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: readDefinitions().resources ?? [] }));
server.setRequestHandler(ReadResourceRequestSchema, (request) => ({ contents: [{ uri: request.params.uri, mimeType: "text/plain", text: `contents of ${request.params.uri}` }] }));
const subscribed = new Set<string>();
server.setRequestHandler(SubscribeRequestSchema, (request) => {
  subscribed.add(request.params.uri);
  return {};
});
server.setRequestHandler(UnsubscribeRequestSchema, (request) => {
  subscribed.delete(request.params.uri);
  return {};
});
server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: readDefinitions().prompts ?? [] }));
server.setRequestHandler(GetPromptRequestSchema, (request) => ({ messages: [{ role: "user", content: { type: "text", text: `prompt ${request.params.name}` } }] }));

let gathering = 0;
let peak = 0;
const gathered: Array<() => void> = [];

server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  const { name, arguments: args = {} } = request.params;
  if (name === "crash") {
    setTimeout(() => process.exit(3), 50);
    return new Promise(() => {});
  }
  if (name === "slow") {
    const token = request.params._meta?.progressToken;
    const steps = Number(args.steps ?? 600);
    for (let step = 1; step <= steps; step += 1) {
      if (extra.signal.aborted) {
        writeFileSync(`${definitionsFile}.cancelled`, "cancelled");
        return { content: [{ type: "text", text: "cancelled" }] };
      }
      if (token !== undefined) await extra.sendNotification({ method: "notifications/progress", params: { progressToken: token, progress: step, total: steps } });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { content: [{ type: "text", text: "finished" }] };
  }
  if (name === "gather") {
    const count = Number(args.count);
    gathering += 1;
    peak = Math.max(peak, gathering);
    if (gathering >= count) for (const wake of gathered.splice(0)) wake();
    else await new Promise<void>((resolve) => {
      gathered.push(resolve);
      setTimeout(resolve, Number(args.waitMs ?? 5_000));
    });
    const seen = peak;
    gathering -= 1;
    if (gathering === 0) peak = 0;
    return { content: [{ type: "text", text: `gathered ${seen} of ${count}` }] };
  }
  if (name === "touch") {
    for (const uri of subscribed) await server.sendResourceUpdated({ uri });
    return { content: [{ type: "text", text: `touched ${subscribed.size}` }] };
  }
  if (name === "audio") return { content: [{ type: "audio", data: String(args.data), mimeType: String(args.mimeType) }] };
  if (name === "record") {
    appendFileSync(`${definitionsFile}.calls`, `${JSON.stringify(args)}\n`);
    return { content: [{ type: "text", text: "recorded" }] };
  }
  if (name === "announce") {
    await (args.list === "prompts" ? server.sendPromptListChanged() : server.sendResourceListChanged());
    return { content: [{ type: "text", text: `announced ${String(args.list)}` }] };
  }
  return { content: [{ type: "text", text: `${name}: ${JSON.stringify(args)}` }], structuredContent: { tool: name, args } };
});

if (!silent) watchFile(definitionsFile, { interval: 100 }, () => void server.sendToolListChanged().catch(() => {}));
await server.connect(new StdioServerTransport());
