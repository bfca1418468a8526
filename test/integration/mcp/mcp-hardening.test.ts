// Attacks from the penetration test against a real hub, each asserting the refusal: a 900 KB
// client name (bounded before it is stored, logged or used as a label), client names as Prometheus
// label cardinality, duplicate request ids in a batch, and a second initialize on a live session.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { openRawEventStream, type RawEventStream } from "./open-raw-event-stream";
import { sendRawRequest, type RawReply } from "./send-raw-request";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";

const PROTOCOL_VERSION = "2025-06-18";
const METRICS_TOKEN = "hardening-metrics-token-0123456789";

let database: TestDatabase;
let hub: TestHub;
const keys = { member: "", flooder: "", budgeted: "" };
const STREAM_BUFFER_CAP = 65_536;

before(async () => {
  database = await createTestDatabase();
  await seedAccounts(database.url, async (seed) => {
    await seed.user("member@example.com");
    keys.member = await seed.key("member@example.com", "main", { rateLimit: "1000/1m" });
    keys.flooder = await seed.key("member@example.com", "flooder", { rateLimit: "1000/1m" });
    keys.budgeted = await seed.key("member@example.com", "budgeted", { rateLimit: "5/1m" });
  });
  // A body cap that admits the 900 KB name of the penetration test; a small stream buffer cap.
  hub = await startTestHub({
    databaseUrl: database.url,
    env: { SWITCHBOARD_MAX_BODY_BYTES: String(2 * 1024 * 1024), SWITCHBOARD_METRICS_TOKEN: METRICS_TOKEN, SWITCHBOARD_MAX_STREAM_BUFFER_BYTES: String(STREAM_BUFFER_CAP) },
  });
});

after(async () => {
  await hub?.stop();
  await database?.drop();
});

function send(options: { method: string; path: string; key?: string; body?: string; headers?: Record<string, string> }): Promise<RawReply> {
  const headers: Record<string, string> = { Host: "localhost", "Content-Type": "application/json", Accept: "application/json, text/event-stream" };
  if (options.key) headers.Authorization = `Bearer ${options.key}`;
  return sendRawRequest({ port: hub.port, method: options.method, path: options.path, headers: { ...headers, ...options.headers }, body: options.body });
}

const initializeBody = (name: string, version = "1.0.0", id: number | string = 1) =>
  JSON.stringify({ jsonrpc: "2.0", id, method: "initialize", params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name, version } } });
const echoCall = (id: number | string, message = "hi") => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "echo", arguments: { message } } });

async function openStreamable(name: string, version?: string): Promise<Record<string, string>> {
  const opened = await send({ method: "POST", path: "/mcp", key: keys.member, body: initializeBody(name, version) });
  assert.equal(opened.status, 200, opened.text);
  return { "Mcp-Session-Id": String(opened.headers["mcp-session-id"]), "MCP-Protocol-Version": PROTOCOL_VERSION };
}

async function openSse(key = keys.member): Promise<{ stream: RawEventStream; path: string }> {
  const stream = await openRawEventStream({ port: hub.port, path: "/sse", headers: { Host: "localhost", Authorization: `Bearer ${key}` } });
  const sessionId = /sessionId=([^\s]+)/.exec(stream.text())?.[1];
  assert.ok(sessionId, stream.text());
  return { stream, path: `/message?sessionId=${sessionId}` };
}

async function queryRows<T extends pg.QueryResultRow>(sql: string, values: unknown[], until: (rows: T[]) => boolean): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      const { rows } = await client.query<T>(sql, values);
      if (until(rows) || attempt >= 50) return rows;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}

async function scrapeMetrics(): Promise<string> {
  const reply = await sendRawRequest({ port: hub.port, method: "GET", path: "/metrics", headers: { Host: "localhost", Authorization: `Bearer ${METRICS_TOKEN}` } });
  assert.equal(reply.status, 200, reply.text);
  return reply.text;
}

describe("client-supplied strings are bounded", () => {
  test("a 900 KB client name is stored, logged and labelled as its first 100 characters", async () => {
    const name = `\u0007${"n".repeat(900_000)}`;
    const session = await openStreamable(name, `\n${"v".repeat(5_000)}`);
    const called = await send({ method: "POST", path: "/mcp", key: keys.member, body: JSON.stringify(echoCall(2)), headers: session });
    assert.equal(called.status, 200, called.text);
    const rows = await queryRows<{ clientName: string; clientVersion: string }>(`SELECT "clientName", "clientVersion" FROM "CallLog" WHERE "sessionId" = $1`, [session["Mcp-Session-Id"]], (found) => found.length > 0);
    assert.deepEqual(rows, [{ clientName: "n".repeat(100), clientVersion: "v".repeat(100) }]);
    const metrics = await scrapeMetrics();
    assert.ok(metrics.includes(`switchboard_requests_total{client="${"n".repeat(100)}"`), "the label is the bounded name");
    assert.ok(metrics.length < 200_000, `metrics text is ${metrics.length} characters`);
    // The hub's own log lines stay short too (LOG_LEVEL=warn here: none may carry the name).
    assert.ok(!hub.output().includes("n".repeat(101)));
  });

  test("past 50 distinct client names, further names are counted as client=\"other\"", async () => {
    for (let index = 0; index < 60; index++) {
      const session = await openStreamable(`scanner-${index}`);
      const called = await send({ method: "POST", path: "/mcp", key: keys.member, body: JSON.stringify(echoCall(2)), headers: session });
      assert.equal(called.status, 200, called.text);
      await send({ method: "DELETE", path: "/mcp", key: keys.member, headers: session });
    }
    const metrics = await scrapeMetrics();
    const clients = new Set([...metrics.matchAll(/switchboard_requests_total\{client="([^"]*)"/g)].map((match) => match[1]));
    assert.equal(clients.size, 51, [...clients].join(", "));
    assert.ok(clients.has("other"));
    assert.ok(!clients.has("scanner-59"));
  });
});

describe("duplicate request ids in one batch", () => {
  const duplicateBatch = JSON.stringify([echoCall(7, "a"), echoCall(7, "b")]);
  const refusal = "Invalid Request: request id 7 appears more than once in the batch; give each request its own id.";

  test("streamable: 400, and neither call runs", async () => {
    const session = await openStreamable("dup-test");
    const reply = await send({ method: "POST", path: "/mcp", key: keys.member, body: duplicateBatch, headers: session });
    assert.equal(reply.status, 400, reply.text);
    assert.deepEqual(JSON.parse(reply.text), { jsonrpc: "2.0", id: null, error: { code: -32600, message: refusal } });
    const rows = await queryRows(`SELECT 1 FROM "CallLog" WHERE "sessionId" = $1`, [session["Mcp-Session-Id"]], () => false);
    assert.equal(rows.length, 0);
  });

  test("legacy SSE: 400 in the error envelope", async () => {
    const { stream, path } = await openSse();
    try {
      const reply = await send({ method: "POST", path, key: keys.member, body: duplicateBatch });
      assert.equal(reply.status, 400, reply.text);
      assert.deepEqual(JSON.parse(reply.text), { error: { code: "invalid_request", message: refusal } });
    } finally {
      stream.close();
    }
  });
});

describe("a second initialize on a live session", () => {
  const refusal = { error: { code: "invalid_request", message: "This session is already initialized: initialize once per session, or open a new session to start over." } };

  test("streamable: refused with 400; the session keeps working under its first identity", async () => {
    const session = await openStreamable("first-identity");
    const again = await send({ method: "POST", path: "/mcp", key: keys.member, body: initializeBody("second-identity", "1", 5), headers: session });
    assert.equal(again.status, 400, again.text);
    assert.deepEqual(JSON.parse(again.text), refusal);
    const called = await send({ method: "POST", path: "/mcp", key: keys.member, body: JSON.stringify(echoCall(6)), headers: session });
    assert.equal(called.status, 200, called.text);
    const rows = await queryRows<{ clientName: string }>(`SELECT "clientName" FROM "CallLog" WHERE "sessionId" = $1`, [session["Mcp-Session-Id"]], (found) => found.length > 0);
    assert.deepEqual(rows, [{ clientName: "first-identity" }]);
  });

  test("legacy SSE: the first initialize is accepted, the second refused with 400", async () => {
    const { stream, path } = await openSse();
    try {
      assert.equal((await send({ method: "POST", path, key: keys.member, body: initializeBody("sse-client") })).status, 202);
      const again = await send({ method: "POST", path, key: keys.member, body: initializeBody("sse-client-2", "1", 2) });
      assert.equal(again.status, 400, again.text);
      assert.deepEqual(JSON.parse(again.text), refusal);
    } finally {
      stream.close();
    }
  });

  test("two initializes in one batch on a new SSE session are refused", async () => {
    const { stream, path } = await openSse();
    try {
      const body = `[${initializeBody("a", "1", 1)},${initializeBody("b", "1", 2)}]`;
      const reply = await send({ method: "POST", path, key: keys.member, body });
      assert.equal(reply.status, 400, reply.text);
    } finally {
      stream.close();
    }
  });
});

describe("a legacy SSE client that never reads its stream", () => {
  test("past the stream buffer cap its session is closed, its POSTs get 404, and it is counted", async () => {
    const { stream, path } = await openSse(keys.flooder);
    try {
      stream.pause();
      assert.equal((await send({ method: "POST", path, key: keys.flooder, body: initializeBody("flooder") })).status, 202);
      // The penetration test's flood: tools/list is cheap to ask and its answer is several KB.
      const big = JSON.stringify(Array.from({ length: 32 }, (_, id) => ({ jsonrpc: "2.0", id, method: "tools/list" })));
      const statuses: number[] = [];
      // Loopback socket buffers take a few MB before the hub's own buffer grows; this is far past.
      for (let index = 0; index < 1_000 && !statuses.includes(404); index++) statuses.push((await send({ method: "POST", path, key: keys.flooder, body: big })).status);
      assert.equal(statuses.at(-1), 404, `statuses: ${[...new Set(statuses)].join(",")} after ${statuses.length} posts`);
      assert.ok(statuses.slice(0, -1).every((status) => status === 202));
      const refused = await send({ method: "POST", path, key: keys.flooder, body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "ping" }) });
      assert.deepEqual(JSON.parse(refused.text), { error: { code: "not_found", message: "Session not found: it expired or was closed. Open a new session." } });
      assert.match(await scrapeMetrics(), /switchboard_streams_over_buffer_cap_total\{transport="sse"\} 1\b/);
    } finally {
      stream.close();
    }
  });
});

describe("every MCP request draws on a per-key budget", () => {
  test("a 5/1m key gets 600 requests a minute of any kind, then 429; tools/call keeps its own limit", async () => {
    const opened = await send({ method: "POST", path: "/mcp", key: keys.budgeted, body: initializeBody("budgeted") });
    assert.equal(opened.status, 200, opened.text);
    const session = { "Mcp-Session-Id": String(opened.headers["mcp-session-id"]), "MCP-Protocol-Version": PROTOCOL_VERSION };
    const ping = JSON.stringify({ jsonrpc: "2.0", id: 2, method: "ping" });
    let allowed = 1;
    let refused: RawReply | undefined;
    for (let index = 0; index < 700 && !refused; index++) {
      const reply = await send({ method: "POST", path: "/mcp", key: keys.budgeted, body: ping, headers: session });
      if (reply.status === 200) allowed += 1;
      else refused = reply;
    }
    // 600 in the window; a run that crosses a minute boundary sees the sliding window's weight of
    // the previous minute fall a little, so a few more may pass (without the budget all 700 would).
    assert.ok(allowed >= 600 && allowed <= 650, `${allowed} requests allowed`);
    assert.ok(refused);
    assert.equal(refused.status, 429);
    assert.equal(refused.headers["ratelimit-limit"], "600");
    assert.ok(Number(refused.headers["retry-after"]) >= 1);
    assert.match(JSON.parse(refused.text).error.message, /^Request budget exceeded: 600 MCP requests per 60 s for this key\. Retry in \d+ s\.$/);
    // The event-stream GET is an MCP request too.
    const stream = await send({ method: "GET", path: "/sse", key: keys.budgeted });
    assert.equal(stream.status, 429);
  });
});
