// MCP 2026-07-28 on the wire, byte for byte: every refusal of the stateless path with its exact
// status and JSON-RPC body (missing or mismatched Mcp-Method / Mcp-Name / MCP-Protocol-Version,
// a missing _meta envelope, an unsupported version, an old-era request without a session, unknown
// and removed methods), and the shapes of what it answers: server/discover, tools/list with cache
// hints, tools/call with resultType and a traceparent that lands in the call log, notifications
// (202), and a subscriptions/listen stream (acknowledgement, then list changes).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { API_KEY_MESSAGES } from "@/lib/api-keys/parse-api-key";
import { eventually } from "@/test/helpers/eventually";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { openRawEventStream } from "./open-raw-event-stream";
import { runSbCli } from "./run-sb-cli";
import { sendRawRequest, type RawReply } from "./send-raw-request";

const REVISION = "2026-07-28";
const packageVersion = (JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }).version;
const SERVER_INFO = { "io.modelcontextprotocol/serverInfo": { name: "switchboard", version: packageVersion } };
const SUPPORTED = ["2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05", "2024-10-07"];

let database: TestDatabase;
let hub: TestHub;
let cliEnv: Record<string, string>;
let key = "";

before(async () => {
  database = await createTestDatabase();
  // The CLI and the hub must share the fan-out backend: Redis when the run has one, else Postgres.
  cliEnv = { DATABASE_URL: database.url, REDIS_URL: process.env.REDIS_URL ?? "" };
  await seedAccounts(database.url, async (seed) => {
    await seed.user("wire@example.com");
    key = await seed.key("wire@example.com", "wire");
  });
  hub = await startTestHub({ databaseUrl: database.url, env: { REDIS_URL: cliEnv.REDIS_URL } });
});

after(async () => {
  await hub?.stop();
  await database?.drop();
});

const envelope = (overrides: Record<string, unknown> = {}) => ({
  "io.modelcontextprotocol/protocolVersion": REVISION,
  "io.modelcontextprotocol/clientInfo": { name: "wire-test", version: "1.0.0" },
  "io.modelcontextprotocol/clientCapabilities": {},
  ...overrides,
});

/** A 2026-07-28 request body with the envelope, unless params say otherwise. */
const body = (id: number | string, method: string, params: Record<string, unknown> = {}) => JSON.stringify({ jsonrpc: "2.0", id, method, params: { _meta: envelope(), ...params } });

/** The standard request headers for `method` (Mcp-Name when given), overridable per case. */
function modernHeaders(method: string, name?: string): Record<string, string> {
  return { "MCP-Protocol-Version": REVISION, "Mcp-Method": method, ...(name === undefined ? {} : { "Mcp-Name": name }) };
}

function post(options: { body: string; headers?: Record<string, string | undefined>; key?: string | null }): Promise<RawReply> {
  const headers: Record<string, string> = { Host: "localhost", "Content-Type": "application/json", Accept: "application/json, text/event-stream" };
  if (options.key !== null) headers.Authorization = `Bearer ${options.key ?? key}`;
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return sendRawRequest({ port: hub.port, method: "POST", path: "/mcp", headers, body: options.body });
}

const rpcError = (id: number | string | null, code: number, message: string, data?: unknown) => ({ jsonrpc: "2.0", id, error: data === undefined ? { code, message } : { code, message, data } });

interface WireCase {
  name: string;
  body: string;
  headers: Record<string, string | undefined>;
  key?: string | null;
  status: number;
  expected: unknown;
}

const CASES: WireCase[] = [
  {
    name: "Mcp-Method missing",
    body: body(1, "tools/list"),
    headers: { "MCP-Protocol-Version": REVISION },
    status: 400,
    expected: rpcError(1, -32020, "Header mismatch: the Mcp-Method header is required; send Mcp-Method: tools/list."),
  },
  {
    name: "Mcp-Method names another method than the body",
    body: body(2, "tools/list"),
    headers: modernHeaders("tools/call"),
    status: 400,
    expected: rpcError(2, -32020, "Bad Request: the request headers and body disagree: the body names method tools/list but the Mcp-Method header names tools/call", {
      mismatch: { header: "tools/call", body: "the body names method tools/list but the Mcp-Method header names tools/call" },
    }),
  },
  {
    name: "MCP-Protocol-Version missing",
    body: body(3, "tools/list"),
    headers: { "Mcp-Method": "tools/list" },
    status: 400,
    expected: rpcError(3, -32020, "Header mismatch: the MCP-Protocol-Version header is required; send MCP-Protocol-Version: 2026-07-28."),
  },
  {
    name: "MCP-Protocol-Version disagrees with the envelope",
    body: body(4, "tools/list"),
    headers: { ...modernHeaders("tools/list"), "MCP-Protocol-Version": "2025-11-25" },
    status: 400,
    expected: rpcError(4, -32020, "Bad Request: the request headers and body disagree: the body envelope names protocol version 2026-07-28 but the MCP-Protocol-Version header names 2025-11-25", {
      mismatch: { header: "2025-11-25", body: "the body envelope names protocol version 2026-07-28 but the MCP-Protocol-Version header names 2025-11-25" },
    }),
  },
  {
    name: "Mcp-Name missing on tools/call",
    body: body(5, "tools/call", { name: "echo", arguments: { message: "hi" } }),
    headers: modernHeaders("tools/call"),
    status: 400,
    expected: rpcError(5, -32020, "Header mismatch: the Mcp-Name header is required for tools/call; send the request's name."),
  },
  {
    name: "Mcp-Name names another tool than the body",
    body: body(6, "tools/call", { name: "echo", arguments: { message: "hi" } }),
    headers: modernHeaders("tools/call", "read_file"),
    status: 400,
    expected: rpcError(6, -32020, "Header mismatch: the Mcp-Name header does not match the body's name."),
  },
  {
    name: "Mcp-Name in a malformed Base64 sentinel",
    body: body(7, "tools/call", { name: "echo", arguments: { message: "hi" } }),
    headers: modernHeaders("tools/call", "=?base64?not base64!?="),
    status: 400,
    expected: rpcError(7, -32020, "Header mismatch: the Mcp-Name header is not valid Base64 in its =?base64?…?= form."),
  },
  {
    name: "_meta envelope missing",
    body: JSON.stringify({ jsonrpc: "2.0", id: 8, method: "tools/list" }),
    headers: modernHeaders("tools/list"),
    status: 400,
    expected: rpcError(8, -32602, "Invalid params: the MCP-Protocol-Version header names protocol revision 2026-07-28, but the request is missing the required per-request envelope key(s): _meta", {
      envelope: { missing: ["_meta"] },
    }),
  },
  {
    name: "clientCapabilities missing from _meta",
    body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/list", params: { _meta: { "io.modelcontextprotocol/protocolVersion": REVISION } } }),
    headers: modernHeaders("tools/list"),
    status: 400,
    expected: rpcError(9, -32602, "Invalid _meta envelope for protocol revision 2026-07-28: io.modelcontextprotocol/clientCapabilities: missing", {
      envelope: { key: "io.modelcontextprotocol/clientCapabilities", problem: "missing" },
    }),
  },
  {
    name: "unsupported protocol version",
    body: JSON.stringify({ jsonrpc: "2.0", id: 11, method: "tools/list", params: { _meta: envelope({ "io.modelcontextprotocol/protocolVersion": "2099-01-01" }) } }),
    headers: { ...modernHeaders("tools/list"), "MCP-Protocol-Version": "2099-01-01" },
    status: 400,
    expected: rpcError(11, -32022, "Unsupported protocol version", { supported: SUPPORTED, requested: "2099-01-01" }),
  },
  {
    name: "old-era request without a session",
    body: JSON.stringify({ jsonrpc: "2.0", id: 12, method: "tools/list" }),
    headers: { "MCP-Protocol-Version": "2025-11-25" },
    status: 400,
    expected: rpcError(null, -32000, "Bad Request: no Mcp-Session-Id header; send initialize first."),
  },
  {
    name: "initialize under a 2026-07-28 header",
    body: JSON.stringify({ jsonrpc: "2.0", id: 13, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "x", version: "1" } } }),
    headers: { "MCP-Protocol-Version": REVISION },
    status: 400,
    expected: rpcError(13, -32020, "Bad Request: the request headers and body disagree: an initialize request (legacy handshake) was sent with a modern MCP-Protocol-Version header", {
      mismatch: { header: REVISION, body: "an initialize request (legacy handshake) was sent with a modern MCP-Protocol-Version header" },
    }),
  },
  { name: "unknown method", body: body(14, "completion/complete"), headers: modernHeaders("completion/complete"), status: 404, expected: rpcError(14, -32601, "Method not found: completion/complete") },
  { name: "ping, removed in 2026-07-28", body: body(15, "ping"), headers: modernHeaders("ping"), status: 404, expected: rpcError(15, -32601, "Method not found: ping") },
  {
    name: "no API key (authentication comes first, on every request)",
    body: body(16, "server/discover"),
    headers: modernHeaders("server/discover"),
    key: null,
    status: 401,
    expected: { error: { code: "unauthorized", message: API_KEY_MESSAGES.missing } },
  },
];

describe("2026-07-28 refusals", () => {
  for (const wireCase of CASES) {
    test(`${wireCase.name} → ${wireCase.status}`, async () => {
      const reply = await post({ body: wireCase.body, headers: wireCase.headers, key: wireCase.key });
      assert.equal(reply.status, wireCase.status, reply.text);
      assert.deepEqual(JSON.parse(reply.text), wireCase.expected);
      assert.equal(reply.headers["mcp-session-id"], undefined, "no session is minted");
    });
  }
});

describe("2026-07-28 answers", () => {
  test("server/discover: versions, capabilities, identity and public cache hints, no session", async () => {
    const reply = await post({ body: body("d-1", "server/discover"), headers: modernHeaders("server/discover") });
    assert.equal(reply.status, 200, reply.text);
    assert.match(String(reply.headers["content-type"]), /^application\/json/);
    assert.equal(reply.headers["mcp-session-id"], undefined);
    assert.deepEqual(JSON.parse(reply.text), {
      jsonrpc: "2.0",
      id: "d-1",
      result: { resultType: "complete", supportedVersions: SUPPORTED, capabilities: { tools: { listChanged: true }, resources: { listChanged: true }, prompts: { listChanged: true } }, ttlMs: 60_000, cacheScope: "public", _meta: SERVER_INFO },
    });
  });

  test("tools/list: resultType, private cache hints, name order, the hub's identity", async () => {
    const reply = await post({ body: body(20, "tools/list"), headers: modernHeaders("tools/list") });
    assert.equal(reply.status, 200, reply.text);
    const { result } = JSON.parse(reply.text) as { result: { resultType: string; ttlMs: number; cacheScope: string; tools: Array<{ name: string }>; _meta: unknown } };
    assert.equal(result.resultType, "complete");
    assert.equal(result.ttlMs, 60_000);
    assert.equal(result.cacheScope, "private");
    assert.deepEqual(result._meta, SERVER_INFO);
    const names = result.tools.map((tool) => tool.name);
    assert.ok(names.includes("echo"));
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
  });

  test("tools/call with a Base64 Mcp-Name: a complete result; its traceparent lands in the call log, without a session", async () => {
    const traceparent = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01";
    const reply = await post({
      body: body(30, "tools/call", { name: "echo", arguments: { message: "trace me" }, _meta: { ...envelope(), traceparent } }),
      headers: modernHeaders("tools/call", `=?base64?${Buffer.from("echo").toString("base64")}?=`),
    });
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(JSON.parse(reply.text), { jsonrpc: "2.0", id: 30, result: { resultType: "complete", content: [{ type: "text", text: "trace me" }], _meta: SERVER_INFO } });
    const row = await waitForCallLog(traceparent);
    assert.deepEqual(row, { sessionId: null, transport: "streamable", clientName: "wire-test", clientVersion: "1.0.0", toolName: "echo", status: "ok", traceParent: traceparent });
  });

  test("an invalid traceparent is not recorded, and does not fail the call", async () => {
    const reply = await post({
      body: body(31, "tools/call", { name: "echo", arguments: { message: "bad trace" }, _meta: { ...envelope({ "io.modelcontextprotocol/clientInfo": { name: "bad-trace", version: "1" } }), traceparent: "ff-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01" } }),
      headers: modernHeaders("tools/call", "echo"),
    });
    assert.equal(reply.status, 200, reply.text);
    const rows = await pollCallLog(`SELECT "traceParent" FROM "CallLog" WHERE "clientName" = 'bad-trace'`);
    assert.deepEqual(rows, [{ traceParent: null }]);
  });

  test("an overlong clientInfo is cut like initialize's (100 characters, control characters removed), not refused", async () => {
    const reply = await post({
      body: body(32, "tools/call", { name: "echo", arguments: { message: "long client" }, _meta: envelope({ "io.modelcontextprotocol/clientInfo": { name: `long\u202e${"n".repeat(300)}`, version: "1" } }) }),
      headers: modernHeaders("tools/call", "echo"),
    });
    assert.equal(reply.status, 200, reply.text);
    const rows = await pollCallLog(`SELECT "clientName" FROM "CallLog" WHERE "clientName" LIKE 'long%'`);
    assert.deepEqual(rows, [{ clientName: `long${"n".repeat(96)}` }]);
  });

  test("a notification is accepted with 202 and no body", async () => {
    const reply = await post({ body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 99, _meta: envelope() } }), headers: modernHeaders("notifications/cancelled") });
    assert.equal(reply.status, 202);
    assert.equal(reply.text, "");
  });

  test("subscriptions/listen: acknowledged first with the honoured filter, then tools/list_changed tagged with the subscription id", async () => {
    const stream = await openRawEventStream({
      port: hub.port,
      path: "/mcp",
      headers: { Host: "localhost", "Content-Type": "application/json", Accept: "application/json, text/event-stream", Authorization: `Bearer ${key}`, ...modernHeaders("subscriptions/listen") },
      body: body("listen-1", "subscriptions/listen", { notifications: { toolsListChanged: true, promptsListChanged: true, resourceSubscriptions: ["file:///x"] } }),
    });
    try {
      assert.equal(stream.status, 200);
      assert.match(String(stream.headers["content-type"]), /^text\/event-stream/);
      await waitFor(() => eventsOf(stream.text()).length >= 1, "the acknowledgement");
      assert.deepEqual(eventsOf(stream.text())[0], {
        jsonrpc: "2.0",
        method: "notifications/subscriptions/acknowledged",
        params: { _meta: { "io.modelcontextprotocol/subscriptionId": "listen-1" }, notifications: { toolsListChanged: true, promptsListChanged: true } },
      });
      await runSbCli(["tool", "deprecate", "list_directory", "--replacement", "read_file"], cliEnv);
      await waitFor(() => eventsOf(stream.text()).length >= 2, "tools/list_changed");
      assert.deepEqual(eventsOf(stream.text())[1], { jsonrpc: "2.0", method: "notifications/tools/list_changed", params: { _meta: { "io.modelcontextprotocol/subscriptionId": "listen-1" } } });
    } finally {
      stream.close();
    }
  });
});

/** The JSON-RPC messages of an event stream's `data:` lines (comments and keep-alives skipped). */
function eventsOf(text: string): unknown[] {
  return text.split("\n").filter((line) => line.startsWith("data: ")).map((line) => JSON.parse(line.slice(6)));
}

/** Polls often, waits long (a busy machine can take seconds). */
const waitFor = (condition: () => boolean, what: string) => eventually(what, async () => condition(), 20_000, 20);

/** Rows of `sql` once the batched call-log writer has flushed them (it flushes every 250 ms; give it 20 s on a busy machine). */
async function pollCallLog(sql: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { rows } = await client.query(sql, values);
      if (rows.length > 0 || Date.now() > deadline) return rows;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}

async function waitForCallLog(traceParent: string): Promise<Record<string, unknown> | undefined> {
  const rows = await pollCallLog(`SELECT "sessionId", "transport", "clientName", "clientVersion", "toolName", "status"::text AS "status", "traceParent" FROM "CallLog" WHERE "traceParent" = $1`, [traceParent]);
  return rows[0];
}
