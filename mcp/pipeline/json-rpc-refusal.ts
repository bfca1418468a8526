import type { RequestId } from "@modelcontextprotocol/sdk/types.js";

/**
 * A POST refused at the MCP protocol layer, answered with a JSON-RPC error body instead of the
 * hub's `{ error: { code, message } }` envelope: the MCP transports specify that shape (e.g.
 * 400 + -32700 for a body that is not JSON, 400 + -32020 for a header mismatch on 2026-07-28), and
 * clients probing for the server's era read it. `message` is client-safe.
 */
export class JsonRpcRefusal extends Error {
  override name = "JsonRpcRefusal";
  readonly status: number;
  readonly code: number;
  readonly id: RequestId | null;
  readonly data: unknown;

  constructor(status: number, code: number, message: string, options: { id?: RequestId | null; data?: unknown } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.id = options.id ?? null;
    this.data = options.data;
  }

  /** The JSON-RPC error response this refusal answers with. */
  toJsonRpc(): { jsonrpc: "2.0"; id: RequestId | null; error: { code: number; message: string; data?: unknown } } {
    return { jsonrpc: "2.0", id: this.id, error: this.data === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, data: this.data } };
  }
}
