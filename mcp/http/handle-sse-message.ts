import type { IncomingMessage, ServerResponse } from "node:http";
import { HubError } from "@/lib/errors/hub-error";
import { admitMcpPost } from "@/mcp/pipeline/admit-mcp-post";
import { assertFirstInitialize } from "@/mcp/pipeline/assert-first-initialize";
import { findSessionOrThrow } from "@/mcp/pipeline/find-session-or-throw";
import { buildMessageExtra } from "@/mcp/sessions/build-message-extra";
import type { SseServerTransport } from "@/mcp/transports/sse-server-transport";
import { clientIpOf } from "./client-ip-of";
import type { HubHttpContext } from "./hub-http-context";
import { sendErrorReply } from "./send-error-reply";

/**
 * POST /message?sessionId=… (legacy HTTP+SSE): the admission path (admitMcpPost), whose route
 * stage finds the session named in the query (404 unknown, 403 other key; a second initialize
 * 400); then 202, with the
 * answers following on the session's event stream.
 */
export async function handleSseMessage(request: IncomingMessage, response: ServerResponse, context: HubHttpContext, query: string): Promise<void> {
  try {
    if (request.method !== "POST") throw new HubError("invalid_request", `Method ${request.method} is not supported on /message: use POST.`);
    const admitted = await admitMcpPost(request, { ip: clientIpOf(request, context), allowedHosts: context.allowedHosts, maxBodyBytes: context.maxBodyBytes, resourcePath: "/sse" }, {
      badBody: "envelope",
      route: (post) => {
        const sessionId = new URLSearchParams(query).get("sessionId");
        if (!sessionId) throw new HubError("invalid_request", "Missing sessionId query parameter.");
        const session = findSessionOrThrow(context.registry, { sessionId, principal: post.principal, transport: "sse" });
        assertFirstInitialize(session, post.messages);
        session.lastActivityAt = Date.now();
        return { sessionId, session, transport: "sse" as const, client: session.server.getClientVersion() };
      },
    });
    response.writeHead(202, admitted.rateLimitHeaders).end("Accepted");
    (admitted.route.session.channel as SseServerTransport).receive(admitted.messages, buildMessageExtra({ principal: admitted.principal, requestBytes: admitted.body.length }));
  } catch (error) {
    sendErrorReply(response, error);
  }
}
