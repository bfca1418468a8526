import type { ServerResponse } from "node:http";
import { HubError } from "@/lib/errors/hub-error";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { logger } from "@/lib/log/logger";

/**
 * Answers with the error envelope (status, headers such as WWW-Authenticate or Retry-After, body).
 * Anything that is not a HubError is logged with its stack and answered as a generic 500; if the
 * answer has already started, the connection is cut instead.
 */
export function sendErrorReply(response: ServerResponse, error: unknown, extraHeaders: Record<string, string> = {}): void {
  if (!(error instanceof HubError) || error.status >= 500) logger.error({ err: error }, "MCP request failed");
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const reply = toErrorReply(error);
  response.writeHead(reply.status, { ...extraHeaders, ...reply.headers, "Content-Type": "application/json" });
  response.end(JSON.stringify(reply.body));
}
