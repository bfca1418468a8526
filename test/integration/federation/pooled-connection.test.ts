// The pooled connection to a Streamable HTTP upstream carries every session's calls, so its cost
// per call must not grow with the calls it has carried. The SDK transport hands each POST its one
// long-lived AbortSignal; Node's fetch leaves a listener on it per request until the Request is
// garbage-collected, and past 1,500 warns (with a stack trace to stderr) on every further call.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, CallToolResultSchema, ListToolsRequestSchema, isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { openUpstreamClient, type UpstreamClient } from "@/lib/upstream-connections/open-upstream-client";

// More requests in flight at once than Node's 1,500-listener warning threshold: a listener per
// request on one shared signal is then certain to trip it, whenever the collector runs.
const IN_FLIGHT = 1600;
const CALLS = 2 * IN_FLIGHT;

let httpServer: http.Server;
let url: string;

before(async () => {
  // A stateful Streamable HTTP upstream, as the SDK's examples (and the bench's SDK server) run it.
  const transports = new Map<string, StreamableHTTPServerTransport>();
  httpServer = http.createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const message = body ? JSON.parse(body) : undefined;
    const sessionId = request.headers["mcp-session-id"];
    let transport = typeof sessionId === "string" ? transports.get(sessionId) : undefined;
    if (!transport && isInitializeRequest(message)) {
      const created = new StreamableHTTPServerTransport({ sessionIdGenerator: randomUUID, onsessioninitialized: (id) => void transports.set(id, created) });
      const server = new Server({ name: "echo-upstream", version: "1" }, { capabilities: { tools: {} } });
      server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [{ name: "echo", inputSchema: { type: "object" } }] }));
      server.setRequestHandler(CallToolRequestSchema, (call) => ({ content: [{ type: "text", text: String(call.params.arguments?.message) }] }));
      await server.connect(created);
      transport = created;
    }
    if (!transport) {
      response.writeHead(404).end();
      return;
    }
    await transport.handleRequest(request, response, message);
  });
  // Node's fetch opens a socket per request in flight: a backlog above IN_FLIGHT (default 511) so none is refused.
  await new Promise<void>((resolve) => httpServer.listen({ port: 0, host: "127.0.0.1", backlog: 4 * IN_FLIGHT }, resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/mcp`;
});

after(async () => {
  httpServer.closeAllConnections();
  await new Promise((resolve) => httpServer.close(resolve));
});

test(`${CALLS} calls over one pooled Streamable HTTP connection leave no listener pile-up (no MaxListenersExceededWarning) and all answer`, { timeout: 120_000 }, async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => void (warning.name === "MaxListenersExceededWarning" && warnings.push(warning.message));
  process.on("warning", onWarning);
  let upstream: UpstreamClient | undefined;
  try {
    upstream = await openUpstreamClient({ id: "pool-test", name: "pool", transport: "http", command: null, args: [], cwd: null, url, env: {}, headers: {}, timeoutMs: 10_000, maxConcurrency: IN_FLIGHT });
    const client = upstream.client;
    let next = 0;
    const mismatches: string[] = [];
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < CALLS) {
          const message = `call ${next++}`;
          const result = await client.callTool({ name: "echo", arguments: { message } }, CallToolResultSchema);
          const text = (result.content as Array<{ type: string; text?: string }>)[0]?.text;
          if (text !== message) mismatches.push(`${message} -> ${text}`);
        }
      }),
    );
    assert.deepEqual(mismatches, []);
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(warnings.slice(0, 1), [], `${warnings.length} MaxListenersExceededWarning(s) over ${CALLS} calls`);
  } finally {
    process.off("warning", onWarning);
    await upstream?.close();
  }
});
