import type { ServerResponse } from "node:http";
import type { Principal } from "@/lib/api-keys/principal";
import { answerStatelessRequest } from "@/mcp/stateless/answer-stateless-request";
import type { StatelessMessage } from "@/mcp/stateless/classify-post-era";
import type { SubscriptionRegistry } from "@/mcp/stateless/subscription-registry";
import { EVENT_STREAM_HEADERS } from "@/mcp/transports/sse-server-transport";

/**
 * Answers an admitted 2026-07-28 message on its own POST: a notification 202 (this revision sends
 * none that matter over HTTP: closing a stream is the cancellation); subscriptions/listen becomes
 * a held event stream (SubscriptionRegistry); any other request its single JSON answer (an
 * event stream of one message for clients that accept only that). The client closing the
 * response aborts the work. Refusals throw JsonRpcRefusal for the caller's sendErrorReply.
 */
export async function serveStatelessMessage(
  response: ServerResponse,
  message: StatelessMessage,
  context: { principal: Principal; requestBytes: number; headers: Record<string, string>; asEventStream: boolean; subscriptions: SubscriptionRegistry },
): Promise<void> {
  if (message.id === undefined) {
    response.writeHead(202, context.headers).end();
    return;
  }
  if (message.method === "subscriptions/listen") {
    await context.subscriptions.open(response, { id: message.id, principal: context.principal, filter: message.params.notifications, headers: context.headers });
    return;
  }
  const cancelled = new AbortController();
  const onClose = () => cancelled.abort();
  response.once("close", onClose);
  try {
    const result = await answerStatelessRequest(message, { principal: context.principal, requestBytes: context.requestBytes, signal: cancelled.signal });
    if (response.destroyed) return;
    const payload = JSON.stringify({ jsonrpc: "2.0", id: message.id, result });
    if (context.asEventStream) response.writeHead(200, { ...EVENT_STREAM_HEADERS, ...context.headers }).end(`event: message\ndata: ${payload}\n\n`);
    else response.writeHead(200, { "Content-Type": "application/json", ...context.headers }).end(payload);
  } finally {
    response.off("close", onClose);
  }
}
