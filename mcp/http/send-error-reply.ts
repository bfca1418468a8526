import type { ServerResponse } from "node:http";
import { HubError } from "@/lib/errors/hub-error";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { logger } from "@/lib/log/logger";
import { JsonRpcRefusal } from "@/mcp/pipeline/json-rpc-refusal";

/**
 * Answers with the error envelope (status, headers such as WWW-Authenticate or Retry-After, body),
 * or with a JSON-RPC error body for a JsonRpcRefusal. Anything that is not a HubError or a
 * JsonRpcRefusal is logged with its stack and answered as a generic 500; if the answer has
 * already started, the connection is cut instead.
 */
export function sendErrorReply(response: ServerResponse, error: unknown, extraHeaders: Record<string, string> = {}): void {
  if (!(error instanceof HubError || error instanceof JsonRpcRefusal) || (error instanceof HubError && error.status >= 500)) logger.error({ err: error }, "MCP request failed");
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (error instanceof JsonRpcRefusal) {
    response.writeHead(error.status, { ...extraHeaders, "Content-Type": "application/json" });
    response.end(JSON.stringify(error.toJsonRpc()));
    return;
  }
  const reply = toErrorReply(error);
  response.writeHead(reply.status, { ...extraHeaders, ...reply.headers, "Content-Type": "application/json" });
  response.end(JSON.stringify(reply.body));
}
