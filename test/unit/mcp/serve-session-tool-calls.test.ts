import assert from "node:assert/strict";
import { test } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, CallToolResultSchema, ErrorCode, McpError, type CallToolResult, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { serveSessionToolCalls, type SessionToolCall, type ToolCallParams } from "@/mcp/sessions/serve-session-tool-calls";

/**
 * A real SDK Server whose Protocol answers tools/call with "protocol: NAME", with
 * serveSessionToolCalls in front answering "taken: NAME" through `handle`, and a raw client end
 * (messages in, messages out) to send what an SDK Client would refuse to.
 */
async function startSession(handle: (params: ToolCallParams, call: SessionToolCall) => Promise<unknown>) {
  const server = new Server({ name: "t", version: "1" }, { capabilities: { tools: {} } });
  server.setRequestHandler(CallToolRequestSchema, async (request) => ({ content: [{ type: "text", text: `protocol: ${request.params.name}` }] }));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  serveSessionToolCalls(serverSide, handle as never);
  const received: JSONRPCMessage[] = [];
  clientSide.onmessage = (message) => void received.push(message);
  await clientSide.start();
  const answerTo = async (id: string | number, waitMs = 2000) => {
    for (let waited = 0; waited < waitMs; waited += 5) {
      const answer = received.find((message) => "id" in message && message.id === id && !("method" in message));
      if (answer) return answer as { result?: { content: { text: string }[] }; error?: { code: number; message: string } };
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return undefined;
  };
  return { server, clientSide, serverSide, received, answerTo, send: (message: object) => clientSide.send({ jsonrpc: "2.0", ...message } as JSONRPCMessage) };
}

const taken = async (params: ToolCallParams): Promise<CallToolResult> => ({ content: [{ type: "text", text: `taken: ${params.name}` }] });

test("a plain tools/call is answered by the handler, with its arguments and the client's extra", async () => {
  const seen: { params: ToolCallParams; requestId: unknown }[] = [];
  const { send, answerTo } = await startSession(async (params, call) => {
    seen.push({ params, requestId: call.requestId });
    return taken(params);
  });
  await send({ id: 7, method: "tools/call", params: { name: "echo", arguments: { text: "hi" }, _meta: { progressToken: "p" } } });
  assert.equal((await answerTo(7))?.result?.content[0].text, "taken: echo");
  assert.deepEqual(seen, [{ params: { name: "echo", arguments: { text: "hi" }, _meta: { progressToken: "p" } }, requestId: 7 }]);
});

test("an SDK Client's calls are answered by the handler, and its results still pass the SDK's result schema", async () => {
  const server = new Server({ name: "t", version: "1" }, { capabilities: { tools: {} } });
  server.setRequestHandler(CallToolRequestSchema, async () => ({ content: [{ type: "text", text: "protocol" }] }));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  serveSessionToolCalls(serverSide, taken);
  const client = new Client({ name: "c", version: "1" });
  await client.connect(clientSide);
  const result = await client.callTool({ name: "echo", arguments: {} }, CallToolResultSchema);
  assert.deepEqual(result.content, [{ type: "text", text: "taken: echo" }]);
  await client.close();
});

const leftToTheProtocol = [
  { name: "a task-augmented call", params: { name: "t1", task: { ttl: 1000 } } },
  { name: "related-task metadata", params: { name: "t2", _meta: { "io.modelcontextprotocol/related-task": { taskId: "x" } } } },
  { name: "a fractional progress token", params: { name: "t3", _meta: { progressToken: 1.5 } } },
];
for (const { name, params } of leftToTheProtocol) {
  test(`left to the SDK's Protocol: ${name}`, async () => {
    const handled: string[] = [];
    const { send, answerTo } = await startSession(async (taken) => void handled.push(taken.name));
    await send({ id: 1, method: "tools/call", params });
    // Whatever the Protocol makes of it (an answer, a refusal, or nothing for what it does not take as a request).
    await answerTo(1, 300);
    assert.deepEqual(handled, []);
  });
}

test("malformed params are refused by the Protocol's schema check, as before", async () => {
  const { send, answerTo } = await startSession(taken);
  await send({ id: 2, method: "tools/call", params: { name: 42 } });
  await send({ id: 3, method: "tools/call", params: { name: "x", arguments: ["not", "an", "object"] } });
  for (const id of [2, 3]) assert.match((await answerTo(id))?.error?.message ?? "", /invalid/i);
});

test("notifications/cancelled aborts the call's signal and no answer is sent; other requests still are", async () => {
  let aborted: unknown;
  const { send, answerTo, received } = await startSession(
    (params, call) =>
      new Promise((resolve) => {
        if (params.name === "quick") return resolve(taken(params));
        call.signal.addEventListener("abort", () => {
          aborted = call.signal.reason;
          resolve(taken(params));
        });
      }),
  );
  await send({ id: "slow", method: "tools/call", params: { name: "slow" } });
  await send({ method: "notifications/cancelled", params: { requestId: "slow", reason: "user gave up" } });
  await send({ id: "q", method: "tools/call", params: { name: "quick" } });
  assert.equal((await answerTo("q"))?.result?.content[0].text, "taken: quick");
  assert.equal(aborted, "user gave up");
  assert.equal(received.some((message) => "id" in message && message.id === "slow"), false);
});

test("the transport closing aborts every call in flight and still reaches the Protocol", async () => {
  const signals: AbortSignal[] = [];
  const { send, server, clientSide } = await startSession((_params, call) => {
    signals.push(call.signal);
    return new Promise(() => {});
  });
  let serverClosed = false;
  server.onclose = () => (serverClosed = true);
  await send({ id: 1, method: "tools/call", params: { name: "a" } });
  await send({ id: 2, method: "tools/call", params: { name: "b" } });
  await new Promise((resolve) => setTimeout(resolve, 10));
  await clientSide.close();
  assert.equal(signals.length, 2);
  assert.ok(signals.every((signal) => signal.aborted));
  assert.ok(serverClosed);
});

test("a handler's error is answered as a JSON-RPC error with its code, else as an internal error", async () => {
  const { send, answerTo } = await startSession(async (params) => {
    if (params.name === "coded") throw new McpError(ErrorCode.InvalidParams, "bad thing");
    throw new Error("boom");
  });
  await send({ id: 1, method: "tools/call", params: { name: "coded" } });
  await send({ id: 2, method: "tools/call", params: { name: "plain" } });
  assert.deepEqual((await answerTo(1))?.error, { code: ErrorCode.InvalidParams, message: "MCP error -32602: bad thing" });
  assert.deepEqual((await answerTo(2))?.error, { code: ErrorCode.InternalError, message: "boom" });
});
