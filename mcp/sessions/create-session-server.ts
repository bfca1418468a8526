import { readFileSync } from "node:fs";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  type CallToolResult,
  type MessageExtraInfo,
  type ServerCapabilities,
} from "@modelcontextprotocol/sdk/types.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { Principal } from "@/lib/api-keys/principal";
import { HubError } from "@/lib/errors/hub-error";
import type { ResourceSubscriber } from "@/lib/upstreams/upstream-resource-subscriptions";
import { callTool } from "@/mcp/pipeline/call-tool";
import { listTools } from "@/mcp/pipeline/list-tools";
import { readTraceParent } from "@/mcp/pipeline/read-trace-parent";
import { upstreamExtras, type UpstreamReadContext } from "@/mcp/pipeline/serve-upstream-extras";
import { createSessionInteraction } from "./create-session-interaction";
import type { HubRequestContext } from "./build-message-extra";
import { serveSessionToolCalls, type SessionToolCall, type ToolCallParams } from "./serve-session-tool-calls";
import { getSessionRegistry, type SessionTransportKind } from "./session-registry";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

/** What clients see in initialize's serverInfo. */
export const SERVER_INFO = { name: "switchboard", version: packageJson.version } as const;

/**
 * What the hub serves, in every era (initialize, server/discover). Resources and prompts are the
 * upstream servers' (namespaced, governed per server; the hub has none of its own); all three
 * lists announce their changes (session-registry.ts, subscription-registry.ts). Resource
 * subscriptions (resources/subscribe on a session, resourceSubscriptions on a 2026-07-28 listen)
 * are offered while a server connected to this instance announces resource updates: without one,
 * no subscription could ever hear anything.
 */
export function hubServerCapabilities(): ServerCapabilities {
  const resources = upstreamExtras.offersResourceSubscriptions() ? { listChanged: true, subscribe: true } : { listChanged: true };
  return { tools: { listChanged: true }, resources, prompts: { listChanged: true } };
}

// The Server builds an Ajv instance per construction unless given one; one shared validator
// keeps an idle session small (it validates elicitation answers, which only upstream tools ask for).
const sharedValidator = new AjvJsonSchemaValidator();

/** A session's MCP server, and how it connects to the session's transport (with its tools/call path). */
export interface SessionServer {
  server: Server;
  connect(channel: Transport): Promise<void>;
}

/**
 * A low-level MCP Server for one session (cheaper per session than McpServer): tools/list and
 * tools/call run the hub pipeline with the principal the HTTP layer authenticated for each request.
 * Its resource subscriptions end with it. Plain tools/call requests skip the SDK's Protocol
 * (serveSessionToolCalls); both paths run the same callSessionTool.
 */
export function createSessionServer(session: { sessionId: string; transport: SessionTransportKind }): SessionServer {
  const server = new Server(SERVER_INFO, { capabilities: hubServerCapabilities(), jsonSchemaValidator: sharedValidator });
  let subscriber: ResourceSubscriber | undefined;
  // Created on the first subscribe: most sessions never watch a resource.
  const subscriberOf = (principal: Principal): ResourceSubscriber =>
    (subscriber ??= {
      // The principal of the session's latest request (findSessionOrThrow refreshes it).
      get principal() {
        return getSessionRegistry().get(session.sessionId)?.principal ?? principal;
      },
      notifyUpdated: (uri) => void server.sendResourceUpdated({ uri }).catch(() => {}),
    });
  let closed = false;
  server.onclose = () => {
    closed = true;
    if (subscriber) upstreamExtras.dropSubscriber(subscriber);
  };
  server.setRequestHandler(SubscribeRequestSchema, async (request, extra) => {
    const { principal } = requestContextOf(extra);
    const watcher = subscriberOf(principal);
    const result = await upstreamExtras.subscribeResource(principal, watcher, request.params.uri);
    // Closed while subscribing: the subscription landed after the close let the others go.
    if (closed) upstreamExtras.dropSubscriber(watcher);
    return result;
  });
  server.setRequestHandler(UnsubscribeRequestSchema, (request, extra) => upstreamExtras.unsubscribeResource(subscriberOf(requestContextOf(extra).principal), request.params.uri));
  server.setRequestHandler(ListResourcesRequestSchema, (_request, extra) => upstreamExtras.listResources(requestContextOf(extra).principal, extra.signal));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: [] }));
  const readContext = (extra: MessageExtraInfo & { signal: AbortSignal }, params: { _meta?: unknown }): UpstreamReadContext => {
    const context = requestContextOf(extra);
    return { principal: context.principal, sessionId: session.sessionId, transport: session.transport, client: server.getClientVersion(), requestBytes: context.requestBytes, traceParent: readTraceParent(params), signal: extra.signal };
  };
  server.setRequestHandler(ReadResourceRequestSchema, (request, extra) => upstreamExtras.readResource(request.params.uri, readContext(extra, request.params)));
  server.setRequestHandler(ListPromptsRequestSchema, (_request, extra) => upstreamExtras.listPrompts(requestContextOf(extra).principal, extra.signal));
  server.setRequestHandler(GetPromptRequestSchema, (request, extra) => upstreamExtras.getPrompt(request.params.name, request.params.arguments, readContext(extra, request.params)));
  server.setRequestHandler(ListToolsRequestSchema, (_request, extra) => listTools(requestContextOf(extra).principal));
  const callSessionTool = (params: ToolCallParams, call: SessionToolCall): Promise<CallToolResult> => {
    const context = requestContextOf(call.extra);
    const progressToken = params._meta?.progressToken;
    const work = callTool(params.name, params.arguments, {
      principal: context.principal,
      sessionId: session.sessionId,
      transport: session.transport,
      client: server.getClientVersion(),
      requestBytes: context.requestBytes,
      traceParent: readTraceParent(params),
      signal: call.signal,
      reportProgress:
        progressToken === undefined
          ? undefined
          : (progress) => {
              if (!call.signal.aborted) void server.notification({ method: "notifications/progress", params: { progressToken, ...progress } }, { relatedRequestId: call.requestId }).catch(() => {});
            },
      interaction: createSessionInteraction(server, { requestId: call.requestId, signal: call.signal }),
    });
    return getSessionRegistry().trackCall(work, session.sessionId);
  };
  // What serveSessionToolCalls leaves to the Protocol (task-augmented or malformed calls) comes here, zod-checked.
  server.setRequestHandler(CallToolRequestSchema, (request, extra) => callSessionTool(request.params, { requestId: extra.requestId, signal: extra.signal, extra }));
  return {
    server,
    async connect(channel) {
      await server.connect(channel);
      serveSessionToolCalls(channel, callSessionTool);
    },
  };
}

function requestContextOf(extra: MessageExtraInfo | undefined): HubRequestContext {
  const context = extra?.authInfo?.extra?.hub as HubRequestContext | undefined;
  // Every message reaches the server through the authenticated HTTP pipeline; this is a bug guard.
  if (!context) throw new HubError("unauthorized", "Request was not authenticated.");
  return context;
}
