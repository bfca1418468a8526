// The hub's own Streamable HTTP client transport (node:http) against real SDK servers, in both of
// their answer modes, and against peers that are not what an admin registered: every failure must
// be one line that says what to fix, and a redirect must never carry the configured token away.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, describe, test } from "node:test";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { InMemoryEventStore } from "@modelcontextprotocol/sdk/examples/shared/inMemoryEventStore.js";
import { CallToolRequestSchema, CallToolResultSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { openUpstreamClient, type UpstreamClient } from "@/lib/upstream-connections/open-upstream-client";
import type { UpstreamConfig } from "@/lib/upstream-connections/upstream-config";
import { UpstreamPool } from "@/lib/upstream-connections/upstream-pool";
import { eventually } from "@/test/helpers/eventually";
import { serveSdkSessions, type SdkSession } from "@/test/integration/federation/serve-sdk-sessions";

const servers: http.Server[] = [];

after(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(handler: http.RequestListener, backlog = 511): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen({ port: 0, host: "127.0.0.1", backlog }, resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
}

function configFor(url: string, headers: Record<string, string> = {}, maxConcurrency = 16): UpstreamConfig {
  return { id: randomUUID(), name: "remote", transport: "http", command: null, args: [], cwd: null, url, env: {}, headers, timeoutMs: 10_000, maxConcurrency };
}

/**
 * A stateful SDK upstream, as the SDK's examples (and the bench's SDK server) run it: `echo`,
 * `hang` (answers only when cancelled), and `poll` (closes its answer stream first, so the client
 * must resume it with Last-Event-ID; needs `resumable`). `unknownSessionStatus` 400 answers a
 * session it does not know as the SDK's example servers (and server-everything) do, where the
 * spec says 404.
 */
async function startSdkUpstream(options: { enableJsonResponse?: boolean; backlog?: number; resumable?: boolean; unknownSessionStatus?: 400 } = {}) {
  const sessions = new Map<string, SdkSession>();
  const closedSessions: string[] = [];
  const seenHeaders: http.IncomingHttpHeaders[] = [];
  const hangs: string[] = [];
  /** Every tools/call's message, in the order the server handled them. */
  const handled: string[] = [];
  let sessionsOpened = 0;
  const createServer = () => {
    sessionsOpened += 1;
    const server = new Server({ name: "echo-upstream", version: "1" }, { capabilities: { tools: { listChanged: true } } });
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [{ name: "echo", inputSchema: { type: "object" } }] }));
    server.setRequestHandler(CallToolRequestSchema, async (call, extra) => {
      handled.push(String(call.params.arguments?.message));
      if (call.params.name === "hang") {
        hangs.push(call.params.arguments?.message as string);
        await new Promise((resolve) => extra.signal.addEventListener("abort", resolve));
      }
      if (call.params.name === "poll") {
        extra.closeSSEStream?.();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { content: [{ type: "text", text: String(call.params.arguments?.message) }] };
    });
    return server;
  };
  const serve = serveSdkSessions(sessions, createServer, {
    enableJsonResponse: options.enableJsonResponse,
    ...(options.resumable ? { eventStore: new InMemoryEventStore(), retryInterval: 50 } : {}),
    onsessionclosed: (id) => void closedSessions.push(id),
  });
  const url = await listen((request, response) => {
    seenHeaders.push(request.headers);
    const sessionId = request.headers["mcp-session-id"];
    if (options.unknownSessionStatus && typeof sessionId === "string" && !sessions.has(sessionId)) {
      return void response.writeHead(options.unknownSessionStatus, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message: "Bad Request: No valid session ID provided" }, id: null }));
    }
    return serve(request, response);
  }, options.backlog);
  return { url, sessions, closedSessions, seenHeaders, hangs, handled, sessionsOpened: () => sessionsOpened };
}

/** The GET stream opens after notifications/initialized; the server can announce once it is there. */
async function waitForEventStream(seenHeaders: http.IncomingHttpHeaders[]): Promise<void> {
  await eventually("the GET stream is open", async () => seenHeaders.some((headers) => headers.accept === "text/event-stream"), 5000, 20);
  // The server registers the stream just after its request arrives.
  await new Promise((resolve) => setTimeout(resolve, 50));
}

async function echo(upstream: UpstreamClient, message: string, tool = "echo", signal?: AbortSignal): Promise<string | undefined> {
  const result = await upstream.client.callTool({ name: tool, arguments: { message } }, CallToolResultSchema, { signal });
  return (result.content as Array<{ text?: string }>)[0]?.text;
}

describe("against real SDK servers", () => {
  // More requests in flight at once than Node's 1,500-listener warning threshold: a listener per
  // request on one shared signal (what the SDK's Fetch transport did) is then certain to trip it.
  const IN_FLIGHT = 1600;
  const CALLS = 2 * IN_FLIGHT;

  test(`${CALLS} calls, ${IN_FLIGHT} in flight, over one pooled connection: every answer matches its call, no listener warnings`, { timeout: 120_000 }, async () => {
    const { url } = await startSdkUpstream({ backlog: 4 * IN_FLIGHT });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => void warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    const upstream = await openUpstreamClient(configFor(url, {}, IN_FLIGHT));
    try {
      let next = 0;
      const mismatches: string[] = [];
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < CALLS) {
            const message = `call ${next++} ✓`;
            const text = await echo(upstream, message);
            if (text !== message) mismatches.push(`${message} -> ${text}`);
          }
        }),
      );
      assert.deepEqual(mismatches, []);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(warnings, []);
    } finally {
      process.off("warning", onWarning);
      await upstream.close();
    }
  });

  for (const enableJsonResponse of [false, true]) {
    test(`answers as ${enableJsonResponse ? "JSON" : "an event stream"}: calls work, headers carried, list_changed arrives on the GET stream, close() ends the session`, async () => {
      const upstreamServer = await startSdkUpstream({ enableJsonResponse });
      let listChanged = 0;
      const upstream = await openUpstreamClient(configFor(upstreamServer.url, { Authorization: "Bearer upstream-token" }), { onListChanged: () => listChanged++ });
      assert.equal(await echo(upstream, "héllo"), "héllo");
      const posts = upstreamServer.seenHeaders.filter((headers) => headers["content-type"] === "application/json");
      assert.ok(posts.every((headers) => headers.authorization === "Bearer upstream-token"));
      assert.ok(posts.slice(1).every((headers) => headers["mcp-protocol-version"] && headers["mcp-session-id"]), "every POST after initialize carries the session and the negotiated version");
      const [sessionId] = upstreamServer.sessions.keys();
      await waitForEventStream(upstreamServer.seenHeaders);
      await upstreamServer.sessions.get(sessionId)?.server.sendToolListChanged();
      await eventually("list_changed reached the client", async () => listChanged > 0, 5000, 20);
      assert.equal(listChanged, 1);
      await upstream.close();
      assert.deepEqual(upstreamServer.closedSessions, [sessionId]);
    });
  }
});

describe("an upstream's life", () => {
  test("an upstream that forgot the session (restarted: 404) ends the connection, so the pool starts a new one", async () => {
    const upstreamServer = await startSdkUpstream();
    let lost: string | undefined;
    const upstream = await openUpstreamClient(configFor(upstreamServer.url), { onLost: (reason) => (lost = reason) });
    assert.equal(await echo(upstream, "before"), "before");
    await waitForEventStream(upstreamServer.seenHeaders);
    upstreamServer.sessions.clear();
    await assert.rejects(echo(upstream, "after"), /HTTP 404/);
    await eventually("the connection is reported lost", async () => lost !== undefined, 5000, 20);
    assert.match(lost ?? "", /404/);
    await upstream.close();
  });

  test("an upstream that answers its event stream's reopening with 400 (restarted, and says so the SDK examples' way) ends the connection", async () => {
    const upstreamServer = await startSdkUpstream({ unknownSessionStatus: 400 });
    let lost: string | undefined;
    const upstream = await openUpstreamClient(configFor(upstreamServer.url), { onLost: (reason) => (lost = reason) });
    assert.equal(await echo(upstream, "before"), "before");
    await waitForEventStream(upstreamServer.seenHeaders);
    // As a restart leaves it: every session gone with its streams, and no call made meanwhile.
    for (const session of upstreamServer.sessions.values()) await session.transport.close();
    upstreamServer.sessions.clear();
    await eventually("the connection is reported lost", async () => lost !== undefined, 5000, 20);
    assert.match(lost ?? "", /HTTP 400 to its event stream/);
    await upstream.close();
  });

  for (const unknownSessionStatus of [404, 400] as const) {
    test(`a call to an upstream that restarted and forgot the session (${unknownSessionStatus}) is answered on a new session, and handled once`, async () => {
      const upstreamServer = await startSdkUpstream(unknownSessionStatus === 400 ? { unknownSessionStatus } : {});
      const config = configFor(upstreamServer.url);
      const states: string[] = [];
      const pool = new UpstreamPool();
      pool.configure({ loadConfig: async () => config, onToolsMayHaveChanged: async () => {}, onExtrasChanged: () => {}, onResourceUpdated: () => {}, onConnected: () => {}, onStatus: (_name, status) => void states.push(status.state) });
      const call = async (message: string) => (await pool.callTool(config.name, "echo", { message }, { signal: new AbortController().signal })).content;
      try {
        assert.deepEqual(await call("before"), [{ type: "text", text: "before" }]);
        await waitForEventStream(upstreamServer.seenHeaders);
        // As a restart leaves it, but with the old event stream still open: only the call can find out.
        upstreamServer.sessions.clear();
        assert.deepEqual(await call("after"), [{ type: "text", text: "after" }]);
        assert.deepEqual(upstreamServer.handled, ["before", "after"]);
        assert.equal(upstreamServer.sessionsOpened(), 2);
        assert.equal(states.at(-1), "connected");
      } finally {
        await pool.closeAll();
      }
    });
  }

  test("a cancelled call frees its connection: with one connection, the next call still gets through", async () => {
    const upstreamServer = await startSdkUpstream();
    const upstream = await openUpstreamClient(configFor(upstreamServer.url, {}, 1));
    const cancel = new AbortController();
    const hung = echo(upstream, "stuck", "hang", cancel.signal);
    while (upstreamServer.hangs.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    cancel.abort(new Error("caller went away"));
    await assert.rejects(hung, /caller went away/);
    assert.equal(await echo(upstream, "next"), "next");
    await upstream.close();
  });

  test("an answer stream the server closes early (2025-11-25 polling) is resumed with Last-Event-ID", async () => {
    const upstreamServer = await startSdkUpstream({ resumable: true });
    const errors: string[] = [];
    const upstream = await openUpstreamClient(configFor(upstreamServer.url));
    upstream.client.onerror = (error) => void errors.push(error.message);
    assert.equal(await echo(upstream, "polled"), "polled");
    assert.equal(await echo(upstream, "resumed", "poll"), "resumed");
    assert.ok(upstreamServer.seenHeaders.some((headers) => headers["last-event-id"]), "the client resumed with Last-Event-ID");
    assert.deepEqual(errors.filter((message) => /not JSON/.test(message)), [], "priming events are not taken for messages");
    await upstream.close();
  });
});

describe("peers that are not an MCP endpoint", () => {
  test("a redirect is refused, and the configured token never reaches the other host", async () => {
    const elsewhere: http.IncomingHttpHeaders[] = [];
    const target = await listen((request, response) => {
      elsewhere.push(request.headers);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    const url = await listen((_request, response) => response.writeHead(307, { location: target }).end());
    await assert.rejects(openUpstreamClient(configFor(url, { Authorization: "Bearer secret-token" })), (error: Error) => {
      assert.equal(error.message, `upstream redirected (HTTP 307) to ${target}; register the final URL instead`);
      return true;
    });
    assert.deepEqual(elsewhere, []);
  });

  const refusals: Array<{ name: string; answer: (response: http.ServerResponse) => void; message: RegExp }> = [
    { name: "401", answer: (response) => response.writeHead(401, { "content-type": "text/plain" }).end("bad token"), message: /^POST answered HTTP 401: bad token; check the server's configured headers \(its token\)$/ },
    { name: "404", answer: (response) => response.writeHead(404).end(), message: /^POST answered HTTP 404; the session expired or the URL is not an MCP endpoint$/ },
    { name: "an HTML page", answer: (response) => response.writeHead(200, { "content-type": "text/html" }).end("<html></html>"), message: /^upstream answered with content type text\/html, not JSON or an event stream: is this URL an MCP endpoint\?$/ },
    { name: "a 500 with a long page", answer: (response) => response.writeHead(500, { "content-type": "text/html" }).end(`<h1>Oops</h1>${"x".repeat(100_000)}`), message: /^POST answered HTTP 500: <h1>Oops<\/h1>x{187}$/ },
  ];
  for (const { name, answer, message } of refusals) {
    test(`${name}: connecting fails with one line saying why`, async () => {
      const url = await listen((request, response) => {
        request.resume();
        answer(response);
      });
      await assert.rejects(openUpstreamClient(configFor(url), {}, 5000), (error: Error) => {
        assert.match(error.message, message);
        return true;
      });
    });
  }

  test("an answer that never ends its event is cut at the cap, not buffered without limit", async () => {
    const url = await listen((request, response) => {
      request.resume();
      response.writeHead(200, { "content-type": "text/event-stream" });
      const chunk = `data: ${"x".repeat(1024 * 1024)}`;
      let written = 0;
      const pump = () => {
        while (written < 12) {
          written++;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
      };
      pump();
    });
    // Well within the 30 s handshake timeout: the request fails as soon as its stream is cut.
    const started = Date.now();
    await assert.rejects(openUpstreamClient(configFor(url), {}, 30_000), (error: Error) => {
      assert.match(error.message, /the upstream did not answer \(upstream event exceeds 10485760 characters\)/);
      assert.ok(Date.now() - started < 20_000);
      return true;
    });
  });
});
