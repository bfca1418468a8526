// Every refusal of the MCP HTTP pipeline, over both transports, with its exact status, headers and
// body: 401 (missing/malformed/unknown/revoked key), 403 (Host/Origin, another key's session),
// 404 (unknown session), 413 (body cap), 400 (bad JSON, missing session), 429 (per-key limit).
// Host validation needs node:http: fetch cannot set Host.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { generateApiKey } from "@/lib/api-keys/generate-api-key";
import { API_KEY_MESSAGES } from "@/lib/api-keys/parse-api-key";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { openRawEventStream, type RawEventStream } from "./open-raw-event-stream";
import { sendRawRequest, type RawReply } from "./send-raw-request";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";

const MAX_BODY_BYTES = 2048;
const PROTOCOL_VERSION = "2025-06-18";

let database: TestDatabase;
let hub: TestHub;
const keys = { member: "", other: "", revoked: "", limited: "", batched: "" };
let streamableSessionId = "";
let sseStream: RawEventStream;
let sseSessionId = "";

const initializeBody = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "errors-test", version: "1.0.0" } } });
const listBody = JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" });
const echoBody = JSON.stringify({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "echo", arguments: { message: "hi" } } });
const oversizedBody = JSON.stringify({ jsonrpc: "2.0", id: 4, method: "tools/call", params: { name: "echo", arguments: { message: "x".repeat(MAX_BODY_BYTES) } } });

before(async () => {
  database = await createTestDatabase();
  await seedAccounts(database.url, async (seed) => {
    await seed.user("member@example.com");
    keys.member = await seed.key("member@example.com", "main");
    keys.other = await seed.key("member@example.com", "other");
    keys.revoked = await seed.key("member@example.com", "revoked");
    keys.limited = await seed.key("member@example.com", "limited", { rateLimit: "2/1m" });
    keys.batched = await seed.key("member@example.com", "batched", { rateLimit: "2/1m" });
    await seed.revoke(keys.revoked);
  });
  hub = await startTestHub({ databaseUrl: database.url, env: { SWITCHBOARD_MAX_BODY_BYTES: String(MAX_BODY_BYTES) } });
  const opened = await send({ method: "POST", path: "/mcp", key: keys.member, body: initializeBody });
  assert.equal(opened.status, 200, opened.text);
  streamableSessionId = String(opened.headers["mcp-session-id"]);
  sseStream = await openRawEventStream({ port: hub.port, path: "/sse", headers: { Host: "localhost", Authorization: `Bearer ${keys.member}` } });
  sseSessionId = /sessionId=([^\s]+)/.exec(sseStream.text())?.[1] ?? "";
  assert.ok(sseSessionId);
});

after(async () => {
  sseStream?.close();
  await hub?.stop();
  await database?.drop();
});

function send(options: { method: string; path: string; key?: string; body?: string; headers?: Record<string, string> }): Promise<RawReply> {
  const headers: Record<string, string> = { Host: "localhost:3000", "Content-Type": "application/json", Accept: "application/json, text/event-stream" };
  if (options.key) headers.Authorization = `Bearer ${options.key}`;
  return sendRawRequest({ port: hub.port, method: options.method, path: options.path, headers: { ...headers, ...options.headers }, body: options.body, firstChunkOnly: options.method === "GET" });
}

const envelope = (code: string, message: string) => ({ error: { code, message } });
const UNAUTHORIZED = { "www-authenticate": 'Bearer realm="switchboard"' };

interface ErrorCase {
  name: string;
  request: () => Parameters<typeof send>[0];
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

const authCases = (request: (key: string | undefined, headers?: Record<string, string>) => Parameters<typeof send>[0]): ErrorCase[] => [
  { name: "no Authorization header", request: () => request(undefined), status: 401, headers: UNAUTHORIZED, body: envelope("unauthorized", API_KEY_MESSAGES.missing) },
  { name: "Basic scheme", request: () => request(undefined, { Authorization: "Basic dXNlcjpwYXNz" }), status: 401, headers: UNAUTHORIZED, body: envelope("unauthorized", API_KEY_MESSAGES.malformedHeader) },
  { name: "malformed key", request: () => request("not-a-key"), status: 401, headers: UNAUTHORIZED, body: envelope("unauthorized", API_KEY_MESSAGES.malformed) },
  { name: "unknown well-formed key", request: () => request(generateApiKey().key), status: 401, headers: UNAUTHORIZED, body: envelope("unauthorized", API_KEY_MESSAGES.unknown) },
  { name: "revoked key", request: () => request(keys.revoked), status: 401, headers: UNAUTHORIZED, body: envelope("unauthorized", API_KEY_MESSAGES.revoked) },
  { name: "foreign Host", request: () => request(keys.member, { Host: "evil.example:3000" }), status: 403, body: envelope("forbidden", "Host evil.example:3000 is not allowed.") },
  { name: "foreign Origin", request: () => request(keys.member, { Origin: "https://evil.example" }), status: 403, body: envelope("forbidden", "Origin https://evil.example is not allowed.") },
];

const CASES: Record<"streamable" | "sse", ErrorCase[]> = {
  streamable: [
    ...authCases((key, headers) => ({ method: "POST", path: "/mcp", key, body: initializeBody, headers })),
    { name: "body over the cap", request: () => ({ method: "POST", path: "/mcp", key: keys.member, body: oversizedBody, headers: { "Mcp-Session-Id": streamableSessionId } }), status: 413, body: envelope("payload_too_large", `Request body exceeds the ${MAX_BODY_BYTES}-byte limit.`) },
    { name: "invalid JSON", request: () => ({ method: "POST", path: "/mcp", key: keys.member, body: "{not json", headers: { "Mcp-Session-Id": streamableSessionId } }), status: 400, body: { jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error: the body is not valid JSON." } } },
    { name: "no session and not initialize", request: () => ({ method: "POST", path: "/mcp", key: keys.member, body: listBody }), status: 400, body: { jsonrpc: "2.0", id: null, error: { code: -32000, message: "Bad Request: no Mcp-Session-Id header; send initialize first." } } },
    { name: "unsupported protocol version", request: () => ({ method: "POST", path: "/mcp", key: keys.member, body: listBody, headers: { "Mcp-Session-Id": streamableSessionId, "MCP-Protocol-Version": "1999-01-01" } }), status: 400, body: { jsonrpc: "2.0", id: null, error: { code: -32000, message: "Bad Request: unsupported MCP-Protocol-Version 1999-01-01." } } },
    { name: "unknown session", request: () => ({ method: "POST", path: "/mcp", key: keys.member, body: listBody, headers: { "Mcp-Session-Id": "nohub.unknown" } }), status: 404, body: envelope("not_found", "Session not found: it expired or was closed. Open a new session.") },
    { name: "an SSE session id on /mcp", request: () => ({ method: "POST", path: "/mcp", key: keys.member, body: listBody, headers: { "Mcp-Session-Id": sseSessionId } }), status: 404, body: envelope("not_found", "Session not found: it expired or was closed. Open a new session.") },
    { name: "another key's session", request: () => ({ method: "POST", path: "/mcp", key: keys.other, body: listBody, headers: { "Mcp-Session-Id": streamableSessionId } }), status: 403, body: envelope("forbidden", "This session belongs to another API key.") },
    { name: "DELETE of another key's session", request: () => ({ method: "DELETE", path: "/mcp", key: keys.other, headers: { "Mcp-Session-Id": streamableSessionId } }), status: 403, body: envelope("forbidden", "This session belongs to another API key.") },
    { name: "GET without a session id", request: () => ({ method: "GET", path: "/mcp", key: keys.member }), status: 400, body: envelope("invalid_request", "Missing Mcp-Session-Id header.") },
    { name: "unsupported method", request: () => ({ method: "PUT", path: "/mcp", key: keys.member }), status: 400, body: envelope("invalid_request", "Method PUT is not supported on /mcp: use POST, GET or DELETE.") },
  ],
  sse: [
    ...authCases((key, headers) => ({ method: "GET", path: "/sse", key, headers })),
    ...authCases((key, headers) => ({ method: "POST", path: `/message?sessionId=${sseSessionId}`, key, body: listBody, headers })).map((c) => ({ ...c, name: `POST /message: ${c.name}` })),
    { name: "body over the cap", request: () => ({ method: "POST", path: `/message?sessionId=${sseSessionId}`, key: keys.member, body: oversizedBody }), status: 413, body: envelope("payload_too_large", `Request body exceeds the ${MAX_BODY_BYTES}-byte limit.`) },
    { name: "invalid JSON", request: () => ({ method: "POST", path: `/message?sessionId=${sseSessionId}`, key: keys.member, body: "{not json" }), status: 400, body: envelope("invalid_request", "Parse error: the body is not valid JSON.") },
    { name: "missing sessionId", request: () => ({ method: "POST", path: "/message", key: keys.member, body: listBody }), status: 400, body: envelope("invalid_request", "Missing sessionId query parameter.") },
    { name: "unknown session", request: () => ({ method: "POST", path: "/message?sessionId=nohub.unknown", key: keys.member, body: listBody }), status: 404, body: envelope("not_found", "Session not found: it expired or was closed. Open a new session.") },
    { name: "a Streamable session id", request: () => ({ method: "POST", path: `/message?sessionId=${streamableSessionId}`, key: keys.member, body: listBody }), status: 404, body: envelope("not_found", "Session not found: it expired or was closed. Open a new session.") },
    { name: "another key's session", request: () => ({ method: "POST", path: `/message?sessionId=${sseSessionId}`, key: keys.other, body: listBody }), status: 403, body: envelope("forbidden", "This session belongs to another API key.") },
    { name: "POST /sse", request: () => ({ method: "POST", path: "/sse", key: keys.member, body: listBody }), status: 400, body: envelope("invalid_request", "Method POST is not supported on /sse: use GET.") },
  ],
};

for (const [transport, cases] of Object.entries(CASES)) {
  describe(`${transport}: refusals`, () => {
    for (const errorCase of cases) {
      test(`${errorCase.name} → ${errorCase.status}`, async () => {
        const reply = await send(errorCase.request());
        assert.equal(reply.status, errorCase.status, reply.text);
        assert.match(String(reply.headers["content-type"]), /^application\/json/);
        for (const [name, value] of Object.entries(errorCase.headers ?? {})) assert.equal(reply.headers[name], value, name);
        if (errorCase.status !== 401) assert.equal(reply.headers["www-authenticate"], undefined);
        assert.deepEqual(JSON.parse(reply.text), errorCase.body);
      });
    }
  });
}

describe("per-key rate limit on tools/call", () => {
  test("the third call in a 2/1m window is 429 with Retry-After and RateLimit-* headers; tools/list is not limited", async () => {
    const opened = await send({ method: "POST", path: "/mcp", key: keys.limited, body: initializeBody });
    const session = { "Mcp-Session-Id": String(opened.headers["mcp-session-id"]), "MCP-Protocol-Version": PROTOCOL_VERSION };
    for (const remaining of ["1", "0"]) {
      const allowed = await send({ method: "POST", path: "/mcp", key: keys.limited, body: echoBody, headers: session });
      assert.equal(allowed.status, 200, allowed.text);
      assert.equal(allowed.headers["ratelimit-limit"], "2");
      assert.equal(allowed.headers["ratelimit-remaining"], remaining);
    }
    const refused = await send({ method: "POST", path: "/mcp", key: keys.limited, body: echoBody, headers: session });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers["ratelimit-limit"], "2");
    assert.equal(refused.headers["ratelimit-remaining"], "0");
    assert.ok(Number(refused.headers["retry-after"]) >= 1, `Retry-After ${refused.headers["retry-after"]}`);
    const body = JSON.parse(refused.text) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "rate_limited");
    assert.match(body.error.message, /^Rate limit exceeded: 2 tool calls per 60 s\. Retry in \d+ s\.$/);
    const listed = await send({ method: "POST", path: "/mcp", key: keys.limited, body: listBody, headers: session });
    assert.equal(listed.status, 200);
    // The refused call is in the call log (the writer flushes every 250 ms).
    const statuses = await pollCallLogStatuses(session["Mcp-Session-Id"], 3);
    assert.deepEqual(statuses, ["ok", "ok", "rate_limited"]);
  });
});

describe("per-key rate limit on a JSON-RPC batch", () => {
  test("a batch of three tools/call on a 2/1m key is charged per call and refused whole", async () => {
    const opened = await send({ method: "POST", path: "/mcp", key: keys.batched, body: initializeBody });
    const session = { "Mcp-Session-Id": String(opened.headers["mcp-session-id"]), "MCP-Protocol-Version": PROTOCOL_VERSION };
    const call = (id: number) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "echo", arguments: { message: `m${id}` } } });
    const refused = await send({ method: "POST", path: "/mcp", key: keys.batched, body: JSON.stringify([call(1), call(2), call(3)]), headers: session });
    assert.equal(refused.status, 429, refused.text);
    assert.equal(refused.headers["ratelimit-remaining"], "0");
    assert.equal((JSON.parse(refused.text) as { error: { code: string } }).error.code, "rate_limited");
  });
});

async function pollCallLogStatuses(sessionId: string, expected: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    // The writer flushes every 250 ms; up to 20 s on a busy machine.
    for (let attempt = 0; attempt < 200; attempt++) {
      const { rows } = await client.query<{ status: string }>(`SELECT status FROM "CallLog" WHERE "sessionId" = $1 ORDER BY id`, [sessionId]);
      if (rows.length >= expected) return rows.map((row) => row.status);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return [];
  } finally {
    await client.end();
  }
}
