import type { IncomingMessage, ServerResponse } from "node:http";
import { SUPPORTED_PROTOCOL_VERSIONS, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { HubError } from "@/lib/errors/hub-error";
import { assertRequestOrigin } from "@/mcp/pipeline/assert-request-origin";
import { assertWithinRateLimit } from "@/mcp/pipeline/assert-within-rate-limit";
import { authenticateRequest, type AuthenticatedRequest } from "@/mcp/pipeline/authenticate-request";
import { findSessionOrThrow } from "@/mcp/pipeline/find-session-or-throw";
import { listToolCalls } from "@/mcp/pipeline/list-tool-calls";
import { parseJsonRpcBody } from "@/mcp/pipeline/parse-json-rpc-body";
import { readRequestBody } from "@/mcp/pipeline/read-request-body";
import { buildMessageExtra } from "@/mcp/sessions/build-message-extra";
import { createSessionId } from "@/mcp/sessions/create-session-id";
import type { HubSession } from "@/mcp/sessions/session-registry";
import { StreamableServerTransport } from "@/mcp/transports/streamable-server-transport";
import { clientIpOf } from "./client-ip-of";
import type { HubHttpContext } from "./hub-http-context";
import { openSession } from "./open-session";
import { sendErrorReply } from "./send-error-reply";
import { sendJsonRpcError } from "./send-json-rpc-error";

const JSON_RPC_SERVER_ERROR = -32000;
const SUPPORTED_VERSIONS: ReadonlySet<string> = new Set(SUPPORTED_PROTOCOL_VERSIONS);

/**
 * Streamable HTTP at /mcp. POST: origin → authenticate → body cap → JSON-RPC parse → session
 * (initialize opens one; else 404 unknown / 403 other key) → rate limit when it carries
 * tools/call → transport. GET attaches the session's notification stream; DELETE closes it.
 */
export async function handleStreamableRequest(request: IncomingMessage, response: ServerResponse, context: HubHttpContext): Promise<void> {
  try {
    assertRequestOrigin(request.headers, context.allowedHosts);
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
  // Authenticate before reading the body: an unauthenticated client learns nothing and costs little.
  const auth = await authenticateRequest({ ip: clientIpOf(request, context), authorization: request.headers.authorization });
  const body = await readRequestBody(request, context.maxBodyBytes);
  const parsed = parseJsonRpcBody(body);
  if (!parsed.ok) return sendJsonRpcError(response, 400, parsed.code, parsed.message);
  const version = request.headers["mcp-protocol-version"];
  if (typeof version === "string" && !SUPPORTED_VERSIONS.has(version)) {
    return sendJsonRpcError(response, 400, JSON_RPC_SERVER_ERROR, `Bad Request: unsupported MCP-Protocol-Version ${version}.`);
  }
  const sessionId = request.headers["mcp-session-id"];
  const headers: Record<string, string> = {};
  let session: HubSession;
  if (typeof sessionId === "string") {
    session = findSessionOrThrow(context.registry, { sessionId, principal: auth.principal, transport: "streamable" });
  } else if (isSingleInitialize(parsed.messages)) {
    session = await openStreamableSession(context, auth);
    headers["Mcp-Session-Id"] = session.id;
  } else {
    return sendJsonRpcError(response, 400, JSON_RPC_SERVER_ERROR, "Bad Request: no Mcp-Session-Id header; send initialize first.");
  }
  session.lastActivityAt = Date.now();
  const toolCalls = listToolCalls(parsed.messages, body.length);
  if (toolCalls.length > 0) {
    const limit = await assertWithinRateLimit({ principal: auth.principal, sessionId: session.id, transport: "streamable", client: session.server.getClientVersion(), calls: toolCalls });
    Object.assign(headers, limit.rateLimitHeaders);
  }
  (session.channel as StreamableServerTransport).receivePost(response, parsed.messages, {
    batch: parsed.batch,
    asEventStream: wantsEventStream(request.headers.accept),
    headers,
    extra: buildMessageExtra({ principal: auth.principal, requestBytes: body.length }),
  });
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

async function authenticatedSession(request: IncomingMessage, context: HubHttpContext): Promise<HubSession> {
  const auth = await authenticateRequest({ ip: clientIpOf(request, context), authorization: request.headers.authorization });
  const sessionId = request.headers["mcp-session-id"];
  if (typeof sessionId !== "string") throw new HubError("invalid_request", "Missing Mcp-Session-Id header.");
  const session = findSessionOrThrow(context.registry, { sessionId, principal: auth.principal, transport: "streamable" });
  session.lastActivityAt = Date.now();
  return session;
}

function openStreamableSession(context: HubHttpContext, auth: AuthenticatedRequest): Promise<HubSession> {
  const sessionId = createSessionId();
  return openSession(context.registry, { sessionId, transport: "streamable", principal: auth.principal, channel: new StreamableServerTransport(sessionId) });
}

function isSingleInitialize(messages: readonly JSONRPCMessage[]): boolean {
  return messages.length === 1 && "method" in messages[0] && messages[0].method === "initialize" && "id" in messages[0];
}

/** JSON unless the client accepts only event streams. */
function wantsEventStream(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes("text/event-stream") && !accept.includes("application/json") && !accept.includes("*/*");
}
