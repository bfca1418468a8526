// What the console (Next) is handed, over a real socket: forged forwarding headers are gone
// unless a trusted proxy set them, and every answer carries the security headers.
import assert from "node:assert/strict";
import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { prepareConsoleRequest } from "@/mcp/http/prepare-console-request";

async function throughConsoleEdge(trustProxy: boolean, headers: Record<string, string>): Promise<{ seen: IncomingHttpHeaders; answered: IncomingHttpHeaders }> {
  let seen: IncomingHttpHeaders = {};
  const server = createServer((req, res) => {
    prepareConsoleRequest(req, res, { trustProxy });
    seen = { ...req.headers }; // what Next would read
    res.writeHead(200, { "Content-Type": "text/html" }).end("<p>console</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const answered = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: (server.address() as AddressInfo).port, path: "/keys", headers }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.headers));
      });
      req.on("error", reject);
      req.end();
    });
    return { seen, answered };
  } finally {
    server.close();
  }
}

const forged = { Host: "localhost:3000", Origin: "https://evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", "X-Forwarded-For": "10.9.9.9", "X-Real-IP": "10.9.9.9", Forwarded: "host=evil.example" };

test("with SWITCHBOARD_TRUST_PROXY off, client-sent forwarding headers never reach the console", async () => {
  const { seen } = await throughConsoleEdge(false, forged);
  assert.equal(seen["x-forwarded-host"], undefined);
  assert.equal(seen["x-forwarded-proto"], undefined);
  assert.equal(seen.forwarded, undefined);
  assert.equal(seen["x-real-ip"], undefined);
  assert.equal(seen["x-forwarded-for"], "127.0.0.1", "the socket address, not the client's claim");
  assert.equal(seen.host, "localhost:3000");
});

test("behind a trusted proxy, its forwarding headers pass", async () => {
  const { seen } = await throughConsoleEdge(true, forged);
  assert.equal(seen["x-forwarded-host"], "evil.example");
  assert.equal(seen["x-forwarded-proto"], "https");
  assert.equal(seen["x-forwarded-for"], "10.9.9.9");
});

test("every answer carries CSP frame-ancestors 'none', X-Frame-Options DENY, nosniff and Referrer-Policy same-origin", async () => {
  const { answered } = await throughConsoleEdge(false, { Host: "localhost" });
  assert.match(String(answered["content-security-policy"]), /(^|; )frame-ancestors 'none'(;|$)/);
  assert.equal(answered["x-frame-options"], "DENY");
  assert.equal(answered["x-content-type-options"], "nosniff");
  assert.equal(answered["referrer-policy"], "same-origin");
});
