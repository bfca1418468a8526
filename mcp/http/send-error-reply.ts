import type { ServerResponse } from "node:http";
import { HubError } from "@/lib/errors/hub-error";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { reportError } from "@/lib/errors/report-error";
import { JsonRpcRefusal } from "@/mcp/pipeline/json-rpc-refusal";

/**
 * Answers with the error envelope (status, headers such as WWW-Authenticate or Retry-After, body),
 * or with a JSON-RPC error body for a JsonRpcRefusal. Anything that is not a HubError or a
 * JsonRpcRefusal is reported (reportError: logged with its stack, or noted as a database outage)
 * and answered as a generic 500 (503 for an unreachable database); if the answer has already
 * started, the connection is cut instead.
 */
export function sendErrorReply(response: ServerResponse, error: unknown, extraHeaders: Record<string, string> = {}): void {
  if (!(error instanceof JsonRpcRefusal || (error instanceof HubError && error.status < 500))) reportError(error, {}, "MCP request failed");
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
