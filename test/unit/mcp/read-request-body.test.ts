import assert from "node:assert/strict";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { HubError } from "@/lib/errors/hub-error";
import { readRequestBody } from "@/mcp/pipeline/read-request-body";

const LIMIT = 1024;
let server: Server;
let port: number;

before(async () => {
  server = createServer(async (req, res) => {
    try {
      const body = await readRequestBody(req, LIMIT);
      res.end(`ok ${body.length}`);
    } catch (error) {
      assert.ok(error instanceof HubError);
      res.writeHead(error.status).end(error.code);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => server.close());

function post(body: Buffer, chunked: boolean): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ port, method: "POST", path: "/", headers: chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": body.length } }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    if (chunked) {
      for (let offset = 0; offset < body.length; offset += 256) req.write(body.subarray(offset, offset + 256));
      req.end();
    } else req.end(body);
  });
}

for (const chunked of [false, true]) {
  const how = chunked ? "chunked" : "Content-Length";
  test(`${how}: a body at the limit is read whole`, async () => {
    assert.deepEqual(await post(Buffer.alloc(LIMIT, 97), chunked), { status: 200, text: `ok ${LIMIT}` });
  });
  test(`${how}: one byte over the limit is 413`, async () => {
    assert.deepEqual(await post(Buffer.alloc(LIMIT + 1, 97), chunked), { status: 413, text: "payload_too_large" });
  });
}
