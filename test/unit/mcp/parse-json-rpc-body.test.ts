import assert from "node:assert/strict";
import { test } from "node:test";
import { parseJsonRpcBody } from "@/mcp/pipeline/parse-json-rpc-body";

const parse = (text: string) => parseJsonRpcBody(Buffer.from(text));

test("a single request", () => {
  assert.deepEqual(parse('{"jsonrpc":"2.0","id":1,"method":"tools/list"}'), { ok: true, batch: false, messages: [{ jsonrpc: "2.0", id: 1, method: "tools/list" }] });
});

test("a batch of a notification and a response", () => {
  const parsed = parse('[{"jsonrpc":"2.0","method":"notifications/initialized"},{"jsonrpc":"2.0","id":"a","result":{}}]');
  assert.equal(parsed.ok && parsed.batch && parsed.messages.length, 2);
});

const refusals = [
  { name: "not JSON", body: "{nope", code: -32700, message: "Parse error: the body is not valid JSON." },
  { name: "empty body", body: "", code: -32700, message: "Parse error: the body is not valid JSON." },
  { name: "empty batch", body: "[]", code: -32600, message: "Invalid Request: empty batch." },
  {
    name: "batch over the cap",
    body: JSON.stringify(Array.from({ length: 33 }, (_, id) => ({ jsonrpc: "2.0", id, method: "tools/list" }))),
    code: -32600,
    message: "Invalid Request: a batch holds at most 32 messages.",
  },
  { name: "wrong version", body: '{"jsonrpc":"1.0","id":1,"method":"x"}', code: -32600, message: "Invalid Request: not a JSON-RPC 2.0 message." },
  { name: "object id", body: '{"jsonrpc":"2.0","id":{},"method":"x"}', code: -32600, message: "Invalid Request: not a JSON-RPC 2.0 message." },
  { name: "response without id", body: '{"jsonrpc":"2.0","result":{}}', code: -32600, message: "Invalid Request: not a JSON-RPC 2.0 message." },
  { name: "scalar", body: "42", code: -32600, message: "Invalid Request: not a JSON-RPC 2.0 message." },
] as const;

for (const { name, body, code, message } of refusals) {
  test(`refused: ${name}`, () => {
    assert.deepEqual(parse(body), { ok: false, code, message });
  });
}

test("refused: two requests of one batch with the same id (both would run, answers indistinguishable)", () => {
  const body = JSON.stringify([
    { jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "echo", arguments: { text: "a" } } },
    { jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "echo", arguments: { text: "b" } } },
  ]);
  assert.deepEqual(parse(body), { ok: false, code: -32600, message: "Invalid Request: request id 7 appears more than once in the batch; give each request its own id." });
  assert.equal(parse(JSON.stringify([{ jsonrpc: "2.0", id: "x", method: "ping" }, { jsonrpc: "2.0", id: "x", method: "ping" }])).ok, false);
});

test("a request and a response may share an id (they travel in opposite directions)", () => {
  const parsed = parse(JSON.stringify([{ jsonrpc: "2.0", id: 1, method: "ping" }, { jsonrpc: "2.0", id: 1, result: {} }, { jsonrpc: "2.0", id: "1", method: "ping" }]));
  assert.equal(parsed.ok, true);
});

test("initialize's clientInfo comes back bounded: control characters gone, 100 characters at most", () => {
  const name = `\u0007evil\u202e${"n".repeat(900_000)}`;
  const parsed = parse(JSON.stringify({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name, version: "\n\t1.0\u0000" } } }));
  assert.ok(parsed.ok);
  const info = (parsed.messages[0] as unknown as { params: { clientInfo: { name: string; version: string } } }).params.clientInfo;
  assert.equal(info.name, `evil${"n".repeat(96)}`);
  assert.equal(info.version, "1.0");
});
