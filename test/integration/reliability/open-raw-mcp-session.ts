import { sendRawRequest, type RawReply } from "@/test/integration/mcp/send-raw-request";

export interface RawMcpSession {
  sessionId: string;
  /** tools/call echo over this session; resolves the raw reply (any status). */
  echo(message: string): Promise<RawReply>;
}

/** The request headers of a Streamable HTTP client with this key. */
export function mcpHeaders(key: string): Record<string, string> {
  return { Host: "localhost", "Content-Type": "application/json", Accept: "application/json, text/event-stream", Authorization: `Bearer ${key}` };
}

/**
 * Opens a Streamable HTTP session with plain node:http requests (every status stays visible,
 * where an SDK client would retry or throw) and calls the echo tool over it.
 */
export async function openRawMcpSession(options: { port: number; key: string }): Promise<RawMcpSession> {
  const headers = mcpHeaders(options.key);
  const opened = await sendRawRequest({
    port: options.port,
    method: "POST",
    path: "/mcp",
    headers,
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "reliability-test", version: "1" } } }),
  });
  if (opened.status !== 200) throw new Error(`initialize answered ${opened.status}: ${opened.text}`);
  const sessionId = String(opened.headers["mcp-session-id"]);
  let id = 100;
  return {
    sessionId,
    echo: (message) =>
      sendRawRequest({
        port: options.port,
        method: "POST",
        path: "/mcp",
        headers: { ...headers, "Mcp-Session-Id": sessionId },
        body: JSON.stringify({ jsonrpc: "2.0", id: id++, method: "tools/call", params: { name: "echo", arguments: { message } } }),
      }),
  };
}
