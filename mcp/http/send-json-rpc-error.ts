import type { ServerResponse } from "node:http";

/**
 * Answers a Streamable HTTP POST whose body is not a usable JSON-RPC message with a JSON-RPC error
 * (id null), as the MCP spec asks, e.g. 400 + -32700 for a body that is not JSON.
 */
export function sendJsonRpcError(response: ServerResponse, status: number, code: number, message: string): void {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code, message } }));
}
