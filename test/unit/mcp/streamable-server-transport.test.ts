import assert from "node:assert/strict";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { StreamableServerTransport } from "@/mcp/transports/streamable-server-transport";

// An echo "server": answers every request with its method name, after a short delay so the
// answers of a batch arrive out of order.
const transport = new StreamableServerTransport("inst.session");
const notifications: JSONRPCMessage[] = [];
transport.onmessage = (message) => {
  if (!("id" in message) || !("method" in message)) return void notifications.push(message);
  const delay = message.method === "slow" ? 20 : 0;
  setTimeout(() => void transport.send({ jsonrpc: "2.0", id: message.id, result: { method: message.method } }), delay);
};

let server: Server;
let port: number;
before(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const parsed = JSON.parse(body) as JSONRPCMessage | JSONRPCMessage[];
      const batch = Array.isArray(parsed);
      transport.receivePost(res, batch ? parsed : [parsed], { batch, asEventStream: req.headers.accept === "text/event-stream", headers: { "X-Test": "1" }, extra: {} });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => server.close());

function post(body: unknown, accept = "application/json, text/event-stream"): Promise<{ status: number; type: string | undefined; test: unknown; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/mcp", headers: { accept } }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], test: res.headers["x-test"], text }));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

test("a single request is answered with one JSON object carrying the given headers", async () => {
  const reply = await post({ jsonrpc: "2.0", id: 1, method: "tools/list" });
  assert.deepEqual(reply, { status: 200, type: "application/json", test: "1", text: '{"jsonrpc":"2.0","id":1,"result":{"method":"tools/list"}}' });
});

test("a batch waits for every answer and returns them as an array", async () => {
  const reply = await post([
    { jsonrpc: "2.0", id: "a", method: "slow" },
    { jsonrpc: "2.0", method: "notifications/progress" },
    { jsonrpc: "2.0", id: "b", method: "fast" },
  ]);
  assert.equal(reply.status, 200);
  assert.deepEqual(JSON.parse(reply.text), [
    { jsonrpc: "2.0", id: "b", result: { method: "fast" } },
    { jsonrpc: "2.0", id: "a", result: { method: "slow" } },
  ]);
});

test("notifications only: 202 with no body", async () => {
  const before = notifications.length;
  const reply = await post({ jsonrpc: "2.0", method: "notifications/initialized" });
  assert.deepEqual(reply, { status: 202, type: undefined, test: "1", text: "" });
  assert.equal(notifications.length, before + 1);
});

test("a client accepting only event streams gets the answer as one SSE event", async () => {
  const reply = await post({ jsonrpc: "2.0", id: 9, method: "ping" }, "text/event-stream");
  assert.equal(reply.status, 200);
  assert.equal(reply.type, "text/event-stream; charset=utf-8");
  assert.equal(reply.text, 'event: message\ndata: {"jsonrpc":"2.0","id":9,"result":{"method":"ping"}}\n\n');
});
