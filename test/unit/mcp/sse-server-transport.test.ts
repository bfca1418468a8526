import assert from "node:assert/strict";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { SseServerTransport } from "@/mcp/transports/sse-server-transport";

let server: Server;
let port: number;
let transport: SseServerTransport;
let closed = 0;
const received: JSONRPCMessage[] = [];

before(async () => {
  server = createServer((_request, response) => {
    transport = new SseServerTransport(response, "inst.abc/+=", "/message");
    transport.onclose = () => (closed += 1);
    transport.onmessage = (message) => received.push(message);
    void transport.start();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => server.close());

test("streams the endpoint event at once, then messages and keep-alives; close ends it once", async () => {
  const chunks: string[] = [];
  let headers: Record<string, unknown> = {};
  const ended = new Promise<void>((resolve) => {
    request({ host: "127.0.0.1", port, path: "/sse" }, (response) => {
      headers = response.headers;
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => chunks.push(chunk));
      response.on("end", resolve);
    }).end();
  });
  while (chunks.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(chunks.join(""), "event: endpoint\ndata: /message?sessionId=inst.abc%2F%2B%3D\n\n");
  assert.equal(headers["content-type"], "text/event-stream; charset=utf-8");
  assert.equal(headers["cache-control"], "no-cache, no-transform");
  assert.equal(transport.hasOpenStream, true);

  transport.receive([{ jsonrpc: "2.0", id: 1, method: "ping" }], {});
  assert.deepEqual(received, [{ jsonrpc: "2.0", id: 1, method: "ping" }]);
  await transport.send({ jsonrpc: "2.0", id: 1, result: { ok: "ü" } });
  transport.keepAlive();
  await transport.close();
  await ended;
  assert.equal(chunks.join("").slice(chunks[0].length), 'event: message\ndata: {"jsonrpc":"2.0","id":1,"result":{"ok":"ü"}}\n\n: keep-alive\n\n');
  assert.equal(closed, 1);
  assert.equal(transport.hasOpenStream, false);
  await assert.rejects(transport.send({ jsonrpc: "2.0", id: 2, result: {} }), /SSE stream closed/);
});

test("a client that hung up before the stream started closes the transport at once", async () => {
  let lateTransport: SseServerTransport | undefined;
  let lateClosed = 0;
  const late = createServer((req, response) => {
    // Start only after the client is gone, as when it hangs up during authentication.
    req.socket.once("close", () => {
      lateTransport = new SseServerTransport(response, "inst.late", "/message");
      lateTransport.onclose = () => (lateClosed += 1);
      void lateTransport.start();
    });
  });
  await new Promise<void>((resolve) => late.listen(0, "127.0.0.1", resolve));
  const client = request({ host: "127.0.0.1", port: (late.address() as AddressInfo).port, path: "/sse" });
  client.on("error", () => {});
  client.end();
  await new Promise((resolve) => setTimeout(resolve, 50));
  client.destroy();
  while (!lateTransport) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(lateClosed, 1);
  assert.equal(lateTransport.hasOpenStream, false);
  late.close();
});
