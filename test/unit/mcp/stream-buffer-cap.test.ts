// A client that opens the standalone GET stream and stops reading: the hub keeps writing
// notifications into it. Past the buffer cap the transport closes the session instead of growing.
import assert from "node:assert/strict";
import { createServer, request, type ClientRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { StreamableServerTransport } from "@/mcp/transports/streamable-server-transport";

const CAP = 256 * 1024;
const transport = new StreamableServerTransport("inst.paused", CAP);
let closed = false;
transport.onclose = () => (closed = true);

let server: Server;
let port: number;
let client: ClientRequest | undefined;
before(async () => {
  server = createServer((_req, res) => void transport.attachStream(res, {}));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => {
  client?.destroy();
  server.closeAllConnections();
  server.close();
});

async function overCapCount(): Promise<number> {
  const metric = await getMetrics().streamsOverBufferCap.get();
  return metric.values.find((value) => value.labels.transport === "streamable")?.value ?? 0;
}

test("a stream whose client stopped reading closes its session at the cap, and memory stays bounded", async () => {
  const before = await overCapCount();
  await new Promise<void>((resolve) => {
    client = request({ host: "127.0.0.1", port, method: "GET", path: "/mcp" }, (res) => {
      res.once("data", () => {
        res.pause(); // the attack: never read again
        resolve();
      });
    });
    client.end();
  });
  const notification = { jsonrpc: "2.0" as const, method: "notifications/message", params: { data: "x".repeat(16 * 1024) } };
  let sent = 0;
  // Socket buffers on loopback absorb a few MB before Node starts buffering; 64 MB is far beyond.
  while (!closed && sent < 4_000) {
    await transport.send(notification);
    sent += 1;
    if (sent % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  assert.equal(closed, true, `session still open after ${sent} notifications`);
  assert.equal(transport.hasOpenStream, false);
  assert.equal(await overCapCount(), before + 1);
});
