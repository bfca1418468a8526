import type { IncomingMessage, ServerResponse } from "node:http";
import { SUPPORTED_PROTOCOL_VERSIONS, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { Principal } from "@/lib/api-keys/principal";
import { HubError } from "@/lib/errors/hub-error";
import { assertRequestOrigin } from "@/mcp/pipeline/assert-request-origin";
import { admitMcpPost, type ParsedPost, type PostRoute } from "@/mcp/pipeline/admit-mcp-post";
import { assertFirstInitialize } from "@/mcp/pipeline/assert-first-initialize";
import { authenticateRequest } from "@/mcp/pipeline/authenticate-request";
import { findSessionOrThrow } from "@/mcp/pipeline/find-session-or-throw";
import { JsonRpcRefusal } from "@/mcp/pipeline/json-rpc-refusal";
import { buildMessageExtra } from "@/mcp/sessions/build-message-extra";
import { createSessionId } from "@/mcp/sessions/create-session-id";
import type { HubSession } from "@/mcp/sessions/session-registry";
import { classifyPostEra, type StatelessMessage } from "@/mcp/stateless/classify-post-era";
import { StreamableServerTransport } from "@/mcp/transports/streamable-server-transport";
import { clientIpOf } from "./client-ip-of";
import type { HubHttpContext } from "./hub-http-context";
import { openSession } from "./open-session";
import { sendErrorReply } from "./send-error-reply";
import { serveStatelessMessage } from "./serve-stateless-message";

const JSON_RPC_SERVER_ERROR = -32000;
const SUPPORTED_VERSIONS: ReadonlySet<string> = new Set(SUPPORTED_PROTOCOL_VERSIONS);

/**
 * Streamable HTTP at /mcp, every era on one endpoint. POST goes through the admission path
 * (admitMcpPost), whose route stage picks the era (classifyPostEra): a request with the
 * 2026-07-28 `_meta` envelope is served statelessly (serveStatelessMessage); anything else
 * belongs to a session (initialize opens one; else 404 unknown / 403 other key / 400 a second
 * initialize) and goes to the session's transport. GET attaches a session's notification stream; DELETE closes it.
 */
export async function handleStreamableRequest(request: IncomingMessage, response: ServerResponse, context: HubHttpContext): Promise<void> {
  try {
    switch (request.method) {
      case "POST":
        return await handlePost(request, response, context);
      case "GET":
        return await handleGet(request, response, context);
      case "DELETE":
        return await handleDelete(request, response, context);
      default:
        throw new HubError("invalid_request", `Method ${request.method} is not supported on /mcp: use POST, GET or DELETE.`);
    }
  } catch (error) {
    sendErrorReply(response, error);
  }
}

async function handlePost(request: IncomingMessage, response: ServerResponse, context: HubHttpContext): Promise<void> {
  const admitted = await admitMcpPost(request, { ip: clientIpOf(request, context), allowedHosts: context.allowedHosts, maxBodyBytes: context.maxBodyBytes, resourcePath: "/mcp" }, {
    badBody: "json-rpc",
    route: async (post): Promise<StreamableRoute> => {
      const era = classifyPostEra(request.headers, post);
      if (era.era === "stateless") return { era: "stateless", message: era.message, sessionId: null, transport: "streamable", client: era.message.client };
      const { session, opened } = await routeToSession(request, context, post);
      return { era: "session", session, opened, sessionId: session.id, transport: "streamable", client: session.server.getClientVersion() };
    },
  });
  const { route } = admitted;
  if (route.era === "stateless") {
    return serveStatelessMessage(response, route.message, { principal: admitted.principal, requestBytes: admitted.body.length, headers: admitted.rateLimitHeaders, asEventStream: wantsEventStream(request.headers.accept), subscriptions: context.subscriptions });
  }
  const { session, opened } = route;
  (session.channel as StreamableServerTransport).receivePost(response, admitted.messages, {
    batch: admitted.batch,
    asEventStream: wantsEventStream(request.headers.accept),
    acceptsEventStream: request.headers.accept?.includes("text/event-stream") ?? false,
    headers: opened ? { "Mcp-Session-Id": session.id, ...admitted.rateLimitHeaders } : admitted.rateLimitHeaders,
    extra: buildMessageExtra({ principal: admitted.principal, requestBytes: admitted.body.length }),
  });
}

/** A POST is either stateless 2026-07-28 or belongs to a session (2025-11-25 and older). */
type StreamableRoute = PostRoute & ({ era: "stateless"; message: StatelessMessage } | { era: "session"; session: HubSession; opened: boolean });

/** The session a 2025-era POST belongs to: named by Mcp-Session-Id, or opened by initialize. */
async function routeToSession(request: IncomingMessage, context: HubHttpContext, post: ParsedPost): Promise<{ session: HubSession; opened: boolean }> {
  const version = request.headers["mcp-protocol-version"];
  if (typeof version === "string" && !SUPPORTED_VERSIONS.has(version)) {
    throw new JsonRpcRefusal(400, JSON_RPC_SERVER_ERROR, `Bad Request: unsupported MCP-Protocol-Version ${version}.`);
  }
  const sessionId = request.headers["mcp-session-id"];
  if (typeof sessionId === "string") {
    const session = findSessionOrThrow(context.registry, { sessionId, principal: post.principal, transport: "streamable" });
    assertFirstInitialize(session, post.messages);
    session.lastActivityAt = Date.now();
    return { session, opened: false };
  }
  if (isSingleInitialize(post.messages)) {
    const session = await openStreamableSession(context, post.principal);
    assertFirstInitialize(session, post.messages);
    return { session, opened: true };
  }
  throw new JsonRpcRefusal(400, JSON_RPC_SERVER_ERROR, "Bad Request: no Mcp-Session-Id header; send initialize first.");
}

async function handleGet(request: IncomingMessage, response: ServerResponse, context: HubHttpContext): Promise<void> {
  const session = await authenticatedSession(request, context);
  if (!(session.channel as StreamableServerTransport).attachStream(response, {})) {
    throw new HubError("conflict", "A notification stream is already open for this session.");
  }
}

async function handleDelete(request: IncomingMessage, response: ServerResponse, context: HubHttpContext): Promise<void> {
  const session = await authenticatedSession(request, context);
  await context.registry.close(session.id);
  response.writeHead(200).end();
}

/** GET and DELETE carry no body: origin → authenticate → the named session. */
async function authenticatedSession(request: IncomingMessage, context: HubHttpContext): Promise<HubSession> {
  assertRequestOrigin(request.headers, context.allowedHosts);
  const auth = await authenticateRequest({ ip: clientIpOf(request, context), authorization: request.headers.authorization, resourcePath: "/mcp" });
  const sessionId = request.headers["mcp-session-id"];
  if (typeof sessionId !== "string") throw new HubError("invalid_request", "Missing Mcp-Session-Id header.");
  const session = findSessionOrThrow(context.registry, { sessionId, principal: auth.principal, transport: "streamable" });
  session.lastActivityAt = Date.now();
  return session;
}

function openStreamableSession(context: HubHttpContext, principal: Principal): Promise<HubSession> {
  const sessionId = createSessionId();
  return openSession(context.registry, { sessionId, transport: "streamable", principal, channel: new StreamableServerTransport(sessionId, context.maxStreamBufferBytes) });
}

function isSingleInitialize(messages: readonly JSONRPCMessage[]): boolean {
  return messages.length === 1 && "method" in messages[0] && messages[0].method === "initialize" && "id" in messages[0];
}

/** JSON unless the client accepts only event streams. */
export function wantsEventStream(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes("text/event-stream") && !accept.includes("application/json") && !accept.includes("*/*");
}
