import assert from "node:assert/strict";
import { createServer } from "node:http";
import { test } from "node:test";
import { fetchClientMetadataDocument } from "@/lib/oauth/fetch-client-metadata-document";

test("metadata fetches refuse private and non-https targets before connecting", async () => {
  const cases: Array<[string, RegExp]> = [
    ["http://app.example/client.json", /it must be an https URL/],
    ["https://10.1.2.3/client.json", /private address/],
    ["https://169.254.169.254/latest/meta-data", /private address/],
    ["https://[::1]/client.json", /private address/],
    ["https://[::ffff:192.168.0.1]/client.json", /private address/],
    ["https://127.0.0.1/client.json", /private address/],
    ["https://user:pw@app.example/client.json", /must not carry credentials/],
  ];
  for (const [url, message] of cases) await assert.rejects(fetchClientMetadataDocument(url, { allowLoopback: false }), (error: Error) => message.test(error.message), url);
});

test("a loopback-only development hub may fetch from loopback, but not follow a redirect to a private range, nor read too much", async () => {
  const server = createServer((request, response) => {
    if (request.url === "/ok") response.writeHead(200, { "cache-control": "max-age=99999999" }).end('{"client_id":"x"}');
    else if (request.url === "/to-private") response.writeHead(302, { location: "http://10.0.0.1/client.json" }).end();
    else if (request.url === "/loop") response.writeHead(302, { location: "/loop" }).end();
    else if (request.url === "/big") response.writeHead(200).end("x".repeat(70_000));
    else if (request.url === "/slow") setTimeout(() => response.end("{}"), 10_000).unref();
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    assert.deepEqual(await fetchClientMetadataDocument(`${base}/ok`, { allowLoopback: true }), { document: { client_id: "x" }, cacheSeconds: 86_400 });
    await assert.rejects(fetchClientMetadataDocument(`${base}/ok`, { allowLoopback: false }), /it must be an https URL/);
    await assert.rejects(fetchClientMetadataDocument(`${base}/to-private`, { allowLoopback: true }), /it points at a private address/);
    await assert.rejects(fetchClientMetadataDocument(`${base}/loop`, { allowLoopback: true }), /more than 3 redirects/);
    await assert.rejects(fetchClientMetadataDocument(`${base}/big`, { allowLoopback: true }), /larger than 65536 bytes/);
    await assert.rejects(fetchClientMetadataDocument(`${base}/missing`, { allowLoopback: true }), /answered HTTP 404/);
  } finally {
    server.close();
    server.closeAllConnections();
  }
});
