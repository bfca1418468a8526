import assert from "node:assert/strict";
import http from "node:http";
import net from "node:net";
import { after, test } from "node:test";
import { PlainHttpPool, type ExchangeRequest, type PlainHttpPoolOptions } from "@/lib/upstream-connections/plain-http-pool";

const servers: { close(): void }[] = [];
after(() => {
  for (const server of servers) server.close();
});

/** A raw TCP server: `respond` gets each connection and the bytes of each request head. */
async function rawServer(respond: (socket: net.Socket, request: string) => void): Promise<{ origin: string; sockets: () => number }> {
  let count = 0;
  const server = net.createServer((socket) => {
    count += 1;
    let pending = "";
    socket.on("data", (data) => {
      pending += data.toString("latin1");
      let end: number;
      while ((end = pending.indexOf("\r\n\r\n")) >= 0) {
        const head = pending.slice(0, end);
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (pending.length < end + 4 + length) return;
        pending = pending.slice(end + 4 + length);
        respond(socket, head);
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push({ close: () => server.close() });
  return { origin: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, sockets: () => count };
}

/** A node:http server answering every request with `answer`, counting its TCP connections. */
async function httpServer(answer: (request: http.IncomingMessage, response: http.ServerResponse) => void, keepAliveTimeout = 5000) {
  let count = 0;
  let active = 0;
  let mostActive = 0;
  const server = http.createServer((request, response) => {
    active += 1;
    mostActive = Math.max(mostActive, active);
    response.on("close", () => (active -= 1));
    answer(request, response);
  });
  server.keepAliveTimeout = keepAliveTimeout;
  server.on("connection", () => (count += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push({ close: () => server.close() });
  return { origin: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, sockets: () => count, mostActive: () => mostActive };
}

interface Outcome {
  status?: number;
  headers?: Record<string, string | string[]>;
  body: string;
  chunks: number;
  error?: Error;
}

const OPTIONS: PlainHttpPoolOptions = { connections: 4, headersTimeout: 2000, bodyTimeout: 2000 };

function send(pool: PlainHttpPool, request: Partial<ExchangeRequest> = {}, onData?: (chunk: Buffer, abort: (error: Error) => void) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { body: "", chunks: 0 };
    pool.dispatch({ path: "/mcp", method: "POST", headers: { "content-type": "application/json" }, body: '{"a":1}', ...request }, {
      onRequestStart: () => {},
      onResponseStart: (_controller, status, headers) => Object.assign(outcome, { status, headers }),
      onResponseData: (controller, chunk) => {
        outcome.body += chunk.toString();
        outcome.chunks += 1;
        onData?.(chunk, (error) => controller.abort(error));
      },
      onResponseEnd: () => resolve(outcome),
      onResponseError: (_controller, error) => resolve({ ...outcome, error }),
    });
  });
}

test("a Content-Length answer, sent one byte at a time, arrives whole; the request carries host, headers and body", async () => {
  let seen = "";
  const { origin } = await rawServer((socket, head) => {
    seen = head;
    const answer = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"ok":true}');
    answer.forEach((byte, at) => setTimeout(() => socket.write(Buffer.from([byte])), at));
  });
  const outcome = await send(new PlainHttpPool(origin, OPTIONS), { headers: { authorization: "Bearer t", "mcp-session-id": "s1" } });
  assert.equal(outcome.error, undefined);
  assert.equal(outcome.status, 200);
  assert.equal(outcome.headers?.["content-type"], "application/json");
  assert.equal(outcome.body, '{"ok":true}');
  assert.match(seen, /^POST \/mcp HTTP\/1\.1\r\n/);
  assert.match(seen, new RegExp(`\r\nhost: ${new URL(origin).host}\r\n`));
  assert.match(seen, /\r\nauthorization: Bearer t\r\n/);
  assert.match(seen, /\r\ncontent-length: 7(\r\n|$)/);
});

test("a chunked answer (an event stream) is handed over as each chunk arrives, across split reads and trailers", async () => {
  const { origin } = await rawServer((socket) => {
    socket.setNoDelay(true);
    socket.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
    const parts = ["5\r\nhel", "lo\r\n", "6\r\n", " world\r", "\n0\r\nX-Trailer: 1\r\n", "\r\n"];
    parts.forEach((part, at) => setTimeout(() => socket.write(part), 30 * (at + 1)));
  });
  const pool = new PlainHttpPool(origin, OPTIONS);
  const first = await send(pool);
  assert.equal(first.error, undefined);
  assert.equal(first.body, "hello world");
  assert.ok(first.chunks >= 2, `delivered in ${first.chunks} piece(s)`);
  // The connection is still good after the trailers.
  assert.equal((await send(pool)).body, "hello world");
});

test("an answer without length or chunking is read until the upstream closes, and that connection is not reused", async () => {
  const { origin, sockets } = await rawServer((socket) => socket.end("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"closed\":true}"));
  const pool = new PlainHttpPool(origin, OPTIONS);
  assert.equal((await send(pool)).body, '{"closed":true}');
  assert.equal((await send(pool)).body, '{"closed":true}');
  assert.equal(sockets(), 2);
});

test("keep-alive: sequential requests share one connection; Connection: close is honoured", async () => {
  const kept = await httpServer((_request, response) => response.end("ok"));
  const pool = new PlainHttpPool(kept.origin, OPTIONS);
  for (let i = 0; i < 5; i++) assert.equal((await send(pool)).body, "ok");
  assert.equal(kept.sockets(), 1);
  const closing = await httpServer((_request, response) => response.writeHead(200, { connection: "close" }).end("bye"));
  const closingPool = new PlainHttpPool(closing.origin, OPTIONS);
  for (let i = 0; i < 3; i++) assert.equal((await send(closingPool)).body, "bye");
  assert.equal(closing.sockets(), 3);
});

test("at most `connections` at once; the rest wait their turn and are all answered", async () => {
  const server = await httpServer((_request, response) => setTimeout(() => response.end("done"), 30));
  const pool = new PlainHttpPool(server.origin, { ...OPTIONS, connections: 2 });
  const outcomes = await Promise.all(Array.from({ length: 7 }, () => send(pool)));
  assert.deepEqual(outcomes.map((outcome) => outcome.body), Array(7).fill("done"));
  assert.equal(server.sockets(), 2);
  assert.equal(server.mostActive(), 2);
});

test("an idle connection the upstream closed is not used: the next request opens a new one", async () => {
  const { origin, sockets } = await rawServer((socket) => {
    socket.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    setTimeout(() => socket.end(), 50);
  });
  const pool = new PlainHttpPool(origin, OPTIONS);
  assert.equal((await send(pool)).body, "ok");
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal((await send(pool)).body, "ok");
  assert.equal(sockets(), 2);
});

test("Keep-Alive: timeout=N is honoured: two seconds or less, and the connection is not kept at all", async () => {
  const { origin, sockets } = await rawServer((socket) => socket.write("HTTP/1.1 200 OK\r\nKeep-Alive: timeout=2\r\nContent-Length: 2\r\n\r\nok"));
  const pool = new PlainHttpPool(origin, OPTIONS);
  for (let i = 0; i < 3; i++) assert.equal((await send(pool)).body, "ok");
  assert.equal(sockets(), 3);
});

test("timeouts: no head within headersTimeout, or silence within bodyTimeout, fail the exchange", async () => {
  const silent = await rawServer(() => {});
  const headless = await send(new PlainHttpPool(silent.origin, { ...OPTIONS, headersTimeout: 100 }));
  assert.match(headless.error?.message ?? "", /no response head within 100 ms/);
  const stalled = await rawServer((socket) => socket.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
  const bodiless = await send(new PlainHttpPool(stalled.origin, { ...OPTIONS, bodyTimeout: 100 }));
  assert.equal(bodiless.body, "abc");
  assert.match(bodiless.error?.message ?? "", /no response data within 100 ms/);
});

test("aborting mid-answer fails that exchange and frees its connection for the next one", async () => {
  const server = await httpServer((request, response) => {
    if (request.url === "/forever") {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("data: 1\n\n");
      return;
    }
    response.end("next");
  });
  const pool = new PlainHttpPool(server.origin, { ...OPTIONS, connections: 1 });
  const aborted = await send(pool, { path: "/forever" }, (_chunk, abort) => abort(new Error("cancelled")));
  assert.equal(aborted.error?.message, "cancelled");
  assert.equal((await send(pool)).body, "next");
});

test("an aborted exchange still waiting for a connection is dropped, never sent", async () => {
  const paths: string[] = [];
  const server = await httpServer((request, response) => {
    paths.push(request.url ?? "");
    setTimeout(() => response.end("ok"), 50);
  });
  const pool = new PlainHttpPool(server.origin, { ...OPTIONS, connections: 1 });
  const first = send(pool, { path: "/first" });
  const queued = new Promise<Error | undefined>((resolve) => {
    pool.dispatch({ path: "/queued", method: "POST", headers: {}, body: "" }, {
      onRequestStart: (controller) => setTimeout(() => controller.abort(new Error("gave up")), 10),
      onResponseEnd: () => resolve(undefined),
      onResponseError: (_controller, error) => resolve(error),
    });
  });
  const third = send(pool, { path: "/third" });
  assert.equal((await queued)?.message, "gave up");
  assert.equal((await first).body, "ok");
  assert.equal((await third).body, "ok");
  assert.deepEqual(paths, ["/first", "/third"]);
});

test("bytes after a complete answer make the connection untrusted: it is closed, not reused", async () => {
  const { origin, sockets } = await rawServer((socket) => socket.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokJUNK"));
  const pool = new PlainHttpPool(origin, OPTIONS);
  assert.equal((await send(pool)).body, "ok");
  assert.equal((await send(pool)).body, "ok");
  assert.equal(sockets(), 2);
});

test("interim 1xx heads are skipped; 204 ends without a body", async () => {
  const { origin } = await rawServer((socket, head) => {
    if (head.includes("/empty")) socket.write("HTTP/1.1 204 No Content\r\n\r\n");
    else socket.write("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
  });
  const pool = new PlainHttpPool(origin, OPTIONS);
  assert.equal((await send(pool)).status, 202);
  const empty = await send(pool, { path: "/empty" });
  assert.deepEqual([empty.status, empty.body, empty.error], [204, "", undefined]);
});

test("refused: a header value with a line break (request splitting), a response that is not HTTP, a closed port", async () => {
  const { origin } = await rawServer((socket) => socket.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
  assert.throws(() => new PlainHttpPool(origin, OPTIONS).dispatch({ path: "/", method: "POST", headers: { "x-token": "a\r\nx-evil: 1" }, body: "" }, { onRequestStart: () => {} }), /line break/);
  const garbage = await rawServer((socket) => socket.write("SSH-2.0-OpenSSH\r\n\r\n"));
  assert.match((await send(new PlainHttpPool(garbage.origin, OPTIONS))).error?.message ?? "", /not an HTTP\/1\.1 response/);
  const closed = await rawServer(() => {});
  servers.pop()?.close();
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.match((await send(new PlainHttpPool(closed.origin, OPTIONS))).error?.message ?? "", /ECONNREFUSED/);
});

test("destroy fails what is in flight and what waits, and refuses what comes after", async () => {
  const { origin } = await rawServer(() => {});
  const pool = new PlainHttpPool(origin, { ...OPTIONS, connections: 1 });
  const inFlight = send(pool);
  const waiting = send(pool);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await pool.destroy(new Error("closing"));
  const after = await send(pool);
  assert.deepEqual([(await inFlight).error?.message, (await waiting).error?.message, after.error?.message], ["closing", "closing", "closing"]);
});
