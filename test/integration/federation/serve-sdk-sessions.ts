import { randomUUID } from "node:crypto";
import type http from "node:http";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport, type StreamableHTTPServerTransportOptions } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";

/** One session of an SDK upstream: its transport and its own Server. */
export interface SdkSession {
  transport: StreamableHTTPServerTransport;
  server: Server;
}

/**
 * A node:http listener serving SDK MCP servers over Streamable HTTP as the SDK's examples run
 * them: an initialize without a session opens one (a Server from `createServer`, kept in the
 * caller's `sessions` under its id), a request naming a known session goes to it, anything else
 * is 404. `transportOptions` adds to each session's transport (answer mode, event store, close hook).
 */
export function serveSdkSessions(
  sessions: Map<string, SdkSession>,
  createServer: () => Server,
  transportOptions: Omit<StreamableHTTPServerTransportOptions, "sessionIdGenerator" | "onsessioninitialized"> = {},
): http.RequestListener {
  return async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const message = body ? JSON.parse(body) : undefined;
    const sessionId = request.headers["mcp-session-id"];
    let session = typeof sessionId === "string" ? sessions.get(sessionId) : undefined;
    if (!session && isInitializeRequest(message)) {
      const server = createServer();
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        ...transportOptions,
        sessionIdGenerator: randomUUID,
        onsessioninitialized: (id) => void sessions.set(id, { transport, server }),
      });
      await server.connect(transport);
      session = { transport, server };
    }
    if (!session) return void response.writeHead(404).end();
    await session.transport.handleRequest(request, response, message);
  };
}
