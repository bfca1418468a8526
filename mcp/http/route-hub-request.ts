import type { IncomingMessage, ServerResponse } from "node:http";
import { HubError } from "@/lib/errors/hub-error";
import { handleMetricsRequest } from "./handle-metrics-request";
import { handleOAuthRequest, isOAuthPath } from "./handle-oauth-request";
import { handleReadinessRequest } from "./handle-readiness-request";
import { handleSseMessage } from "./handle-sse-message";
import { handleSseStream } from "./handle-sse-stream";
import { handleStreamableRequest } from "./handle-streamable-request";
import type { HubHttpContext } from "./hub-http-context";
import { prepareConsoleRequest } from "./prepare-console-request";
import { sendErrorReply } from "./send-error-reply";

/** Everything that is not an MCP or metrics path (Next's handler, or a minimal stand-in). */
export type FallbackHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/**
 * Serves /mcp, /sse, /message, /metrics and /api/ready on node:http (Next's route pipeline costs
 * several times more CPU per MCP call; readiness must answer with the console off and while it
 * drains) and hands every other request to the fallback.
 */
export function routeHubRequest(request: IncomingMessage, response: ServerResponse, context: HubHttpContext, fallback: FallbackHandler): void {
  const url = request.url ?? "/";
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  switch (path) {
    case "/mcp":
      void handleStreamableRequest(request, response, context);
      return;
    case "/sse":
      if (request.method === "GET") void handleSseStream(request, response, context);
      else sendErrorReply(response, new HubError("invalid_request", `Method ${request.method} is not supported on /sse: use GET.`));
      return;
    case "/message":
      void handleSseMessage(request, response, context, queryStart === -1 ? "" : url.slice(queryStart + 1));
      return;
    case "/metrics":
      void handleMetricsRequest(request, response, context);
      return;
    case "/api/ready":
      void handleReadinessRequest(response, context);
      return;
    default:
      if (context.oauth && isOAuthPath(path)) {
        void handleOAuthRequest(request, response, context, path);
        return;
      }
      prepareConsoleRequest(request, response, context);
      Promise.resolve(fallback(request, response)).catch((error: unknown) => sendErrorReply(response, error));
  }
}
