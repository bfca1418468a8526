import type { IncomingMessage, ServerResponse } from "node:http";
import { HubError } from "@/lib/errors/hub-error";
import { assertRequestOrigin } from "@/mcp/pipeline/assert-request-origin";
import { assertWithinRateLimit } from "@/mcp/pipeline/assert-within-rate-limit";
import { authenticateRequest } from "@/mcp/pipeline/authenticate-request";
import { findSessionOrThrow } from "@/mcp/pipeline/find-session-or-throw";
import { listToolCalls } from "@/mcp/pipeline/list-tool-calls";
import { parseJsonRpcBody } from "@/mcp/pipeline/parse-json-rpc-body";
import { readRequestBody } from "@/mcp/pipeline/read-request-body";
import { buildMessageExtra } from "@/mcp/sessions/build-message-extra";
import type { SseServerTransport } from "@/mcp/transports/sse-server-transport";
import { clientIpOf } from "./client-ip-of";
import type { HubHttpContext } from "./hub-http-context";
import { sendErrorReply } from "./send-error-reply";

/**
 * POST /message?sessionId=… (legacy HTTP+SSE): origin → authenticate → session (404 unknown,
 * 403 other key) → body cap → JSON parse → rate limit when it carries tools/call → 202, with the
 * answers following on the session's event stream.
 */
export async function handleSseMessage(request: IncomingMessage, response: ServerResponse, context: HubHttpContext, query: string): Promise<void> {
  try {
    assertRequestOrigin(request.headers, context.allowedHosts);
    if (request.method !== "POST") throw new HubError("invalid_request", `Method ${request.method} is not supported on /message: use POST.`);
    const auth = await authenticateRequest({ ip: clientIpOf(request, context), authorization: request.headers.authorization });
    const sessionId = new URLSearchParams(query).get("sessionId");
    if (!sessionId) throw new HubError("invalid_request", "Missing sessionId query parameter.");
    const session = findSessionOrThrow(context.registry, { sessionId, principal: auth.principal, transport: "sse" });
    const body = await readRequestBody(request, context.maxBodyBytes);
    const parsed = parseJsonRpcBody(body);
    if (!parsed.ok) throw new HubError("invalid_request", parsed.message);
    session.lastActivityAt = Date.now();
    const toolCalls = listToolCalls(parsed.messages, body.length);
    const headers = toolCalls.length === 0 ? {} : (await assertWithinRateLimit({ principal: auth.principal, sessionId, transport: "sse", client: session.server.getClientVersion(), calls: toolCalls })).rateLimitHeaders;
    response.writeHead(202, headers).end("Accepted");
    (session.channel as SseServerTransport).receive(parsed.messages, buildMessageExtra({ principal: auth.principal, requestBytes: body.length }));
  } catch (error) {
    sendErrorReply(response, error);
  }
}
