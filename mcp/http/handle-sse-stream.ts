import type { IncomingMessage, ServerResponse } from "node:http";
import { assertRequestOrigin } from "@/mcp/pipeline/assert-request-origin";
import { authenticateRequest } from "@/mcp/pipeline/authenticate-request";
import { createSessionId } from "@/mcp/sessions/create-session-id";
import { SseServerTransport } from "@/mcp/transports/sse-server-transport";
import { clientIpOf } from "./client-ip-of";
import type { HubHttpContext } from "./hub-http-context";
import { openSession } from "./open-session";
import { sendErrorReply } from "./send-error-reply";

/** Where legacy SSE clients post their messages (the `endpoint` event names it). */
export const SSE_MESSAGE_PATH = "/message";

/**
 * GET /sse (legacy HTTP+SSE): origin → authenticate → open a session whose stream is this
 * response; the first event is `endpoint` with /message?sessionId=…. The socket closing frees
 * the session at once.
 */
export async function handleSseStream(request: IncomingMessage, response: ServerResponse, context: HubHttpContext): Promise<void> {
  try {
    assertRequestOrigin(request.headers, context.allowedHosts);
    const auth = await authenticateRequest({ ip: clientIpOf(request, context), authorization: request.headers.authorization, resourcePath: "/sse" });
    const sessionId = createSessionId();
    await openSession(context.registry, { sessionId, transport: "sse", principal: auth.principal, channel: new SseServerTransport(response, sessionId, SSE_MESSAGE_PATH, context.maxStreamBufferBytes) });
  } catch (error) {
    sendErrorReply(response, error);
  }
}
