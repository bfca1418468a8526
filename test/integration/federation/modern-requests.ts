import { openRawEventStream, type RawEventStream } from "@/test/integration/mcp/open-raw-event-stream";

/** The stateless revision these helpers speak. */
const REVISION = "2026-07-28";

/** A 2026-07-28 request's per-request `_meta` (revision, client identity, no client capabilities). */
export const MODERN_META = { "io.modelcontextprotocol/protocolVersion": REVISION, "io.modelcontextprotocol/clientInfo": { name: "federation-tests", version: "1" }, "io.modelcontextprotocol/clientCapabilities": {} };

/** The HTTP headers of a 2026-07-28 POST /mcp with `key`, for `method`. */
export function modernHeaders(key: string, method: string): Record<string, string> {
  return { Host: "localhost", "Content-Type": "application/json", Accept: "application/json, text/event-stream", Authorization: `Bearer ${key}`, "MCP-Protocol-Version": REVISION, "Mcp-Method": method };
}

/** Opens a subscriptions/listen stream on a hub's port with this `notifications` filter; resolves once its first bytes arrived. */
export function openListenStream(port: number, key: string, id: string, notifications: Record<string, unknown>): Promise<RawEventStream> {
  return openRawEventStream({ port, path: "/mcp", headers: modernHeaders(key, "subscriptions/listen"), body: JSON.stringify({ jsonrpc: "2.0", id, method: "subscriptions/listen", params: { _meta: MODERN_META, notifications } }) });
}

/** A message of a listen stream (or any event stream of JSON-RPC messages). */
export interface StreamMessage {
  method?: string;
  params?: { _meta?: Record<string, unknown>; uri?: string; notifications?: Record<string, unknown> };
}

/** The JSON-RPC messages a stream received so far, in order. */
export function messagesOf(stream: RawEventStream): StreamMessage[] {
  return stream
    .text()
    .split("\n")
    .filter((line) => line.startsWith("data: "))
    .map((line) => JSON.parse(line.slice(6)) as StreamMessage);
}
