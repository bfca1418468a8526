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
