import http from "node:http";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListPromptsRequestSchema, ListResourcesRequestSchema, ListToolsRequestSchema, type Prompt, type Resource, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { listenHttpServer } from "@/test/helpers/listen-http-server";
import { serveSdkSessions, type SdkSession } from "@/test/integration/federation/serve-sdk-sessions";

/**
 * A remote Streamable HTTP upstream (the SDK's server transport, one session per client) whose
 * tools, resources and prompts are shared by every session, as a real shared service's are: the
 * tool `change` (argument `list`: tools, resources or prompts) adds an entry to that list and
 * announces its list_changed to every connected session, so each hub instance connected to it
 * hears the same change on its own connection. Resolves its URL and close.
 */
export async function startBroadcastingUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const lists: { tools: Tool[]; resources: Resource[]; prompts: Prompt[] } = {
    tools: [{ name: "change", description: "Changes a list and tells every session.", inputSchema: { type: "object", properties: { list: { type: "string", enum: ["tools", "resources", "prompts"] } } } }],
    resources: [{ uri: "broadcast://items/0", name: "item-0" }],
    prompts: [{ name: "prompt-0" }],
  };
  const sessions = new Map<string, SdkSession>();
  const announce = {
    tools: (server: Server) => server.sendToolListChanged(),
    resources: (server: Server) => server.sendResourceListChanged(),
    prompts: (server: Server) => server.sendPromptListChanged(),
  } as const;

  const createSessionServer = () => {
    const server = new Server({ name: "broadcasting-upstream", version: "1" }, { capabilities: { tools: { listChanged: true }, resources: { listChanged: true }, prompts: { listChanged: true } } });
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: lists.tools }));
    server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: lists.resources }));
    server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: lists.prompts }));
    server.setRequestHandler(CallToolRequestSchema, async (request) => {
      const list = String(request.params.arguments?.list) as keyof typeof lists;
      if (!(list in lists)) return { content: [{ type: "text", text: `no list ${list}` }], isError: true };
      const index = lists[list].length;
      if (list === "tools") lists.tools.push({ name: `added-${index}`, inputSchema: { type: "object" } });
      else if (list === "resources") lists.resources.push({ uri: `broadcast://items/${index}`, name: `item-${index}` });
      else lists.prompts.push({ name: `prompt-${index}` });
      await Promise.all([...sessions.values()].map((session) => announce[list](session.server).catch(() => {})));
      return { content: [{ type: "text", text: `changed ${list} for ${sessions.size} sessions` }] };
    });
    return server;
  };

  const httpServer = http.createServer(serveSdkSessions(sessions, createSessionServer, { onsessionclosed: (id) => void sessions.delete(id) }));
  const listening = await listenHttpServer(httpServer);
  return { url: `${listening.url}/mcp`, close: listening.close };
}
