import http from "node:http";

const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench-idle", version: "1.0.0" } },
};
const INITIALIZED = { jsonrpc: "2.0", method: "notifications/initialized" };
const BATCH = 50;
const TIMEOUT_MS = 15_000;

/** Idle sessions held open on the hub; close() ends them (DELETE, or the stream's socket). */
export interface IdleSessions {
  opened: number;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Opens `count` fully initialized sessions (initialize, its answer, notifications/initialized)
 * over Streamable HTTP or legacy SSE, 50 at a time, and leaves them idle: what an idle session
 * costs the hub. SSE sessions keep their GET stream (one socket each) open until close().
 */
export async function openIdleSessions(options: { baseUrl: string; key: string; count: number; transport: "streamable" | "sse" }): Promise<IdleSessions> {
  const origin = new URL(options.baseUrl);
  const posts = new http.Agent({ keepAlive: true, maxSockets: BATCH });
  const headers = { authorization: `Bearer ${options.key}`, "content-type": "application/json", accept: "application/json, text/event-stream" };
  const send = (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    request({ agent: posts, host: origin.hostname, port: origin.port, method, path, headers: { ...headers, ...extra } }, body);
  const closers: Array<() => Promise<void>> = [];

  const openStreamable = async () => {
    const reply = await send("POST", "/mcp", INITIALIZE);
    const id = reply.headers["mcp-session-id"];
    if (reply.status !== 200 || typeof id !== "string") throw new Error(`initialize answered ${reply.status}: ${reply.body.slice(0, 200)}`);
    await expectStatus(send("POST", "/mcp", INITIALIZED, { "mcp-session-id": id }), 202);
    closers.push(async () => void (await send("DELETE", "/mcp", undefined, { "mcp-session-id": id })));
  };
  const openSse = async () => {
    const stream = await openEventStream(origin, headers.authorization);
    closers.push(async () => stream.close());
    const endpoint = await stream.next("endpoint");
    await expectStatus(send("POST", endpoint, INITIALIZE), 202);
    await stream.next("message");
    await expectStatus(send("POST", endpoint, INITIALIZED), 202);
  };

  const openOne = options.transport === "sse" ? openSse : openStreamable;
  try {
    for (let start = 0; start < options.count; start += BATCH) {
      await Promise.all(Array.from({ length: Math.min(BATCH, options.count - start) }, openOne));
    }
  } catch (error) {
    await Promise.allSettled(closers.map((close) => close()));
    posts.destroy();
    throw error;
  }
  return {
    opened: closers.length,
    async close() {
      for (let start = 0; start < closers.length; start += BATCH) await Promise.allSettled(closers.slice(start, start + BATCH).map((close) => close()));
      posts.destroy();
    },
  };
}

function request(options: http.RequestOptions, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ ...options, timeout: TIMEOUT_MS }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      response.on("error", reject);
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`${options.method} ${options.path} timed out`)));
    outgoing.on("error", reject);
    outgoing.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function expectStatus(reply: Promise<Reply>, status: number): Promise<void> {
  const { status: got, body } = await reply;
  if (got !== status) throw new Error(`expected ${status}, got ${got}: ${body.slice(0, 200)}`);
}

/** A GET /sse stream on its own socket, read event by event. */
function openEventStream(origin: URL, authorization: string): Promise<{ next(event: string): Promise<string>; close(): void }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.get({ host: origin.hostname, port: origin.port, path: "/sse", agent: false, headers: { authorization, accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`GET /sse answered ${response.statusCode}`));
      // Idle is the point from here on: only the opening may time out.
      outgoing.setTimeout(0);
      let buffer = "";
      const events: Array<{ event: string; data: string }> = [];
      let waiter: (() => void) | undefined;
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event && data !== undefined) events.push({ event, data });
        }
        waiter?.();
      });
      resolve({
        async next(event) {
          const deadline = Date.now() + TIMEOUT_MS;
          for (;;) {
            const index = events.findIndex((candidate) => candidate.event === event);
            if (index !== -1) return events.splice(index, 1)[0].data;
            if (Date.now() > deadline || response.destroyed) throw new Error(`no ${event} event on the SSE stream`);
            await new Promise<void>((wake) => {
              waiter = wake;
              setTimeout(wake, 250);
            });
          }
        },
        close: () => outgoing.destroy(),
      });
    });
    outgoing.setTimeout(TIMEOUT_MS, () => outgoing.destroy(new Error("GET /sse timed out")));
    outgoing.on("error", reject);
  });
}
