import assert from "node:assert/strict";
import { test } from "node:test";
import { CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { checkCallToolResult } from "@/lib/upstream-connections/check-call-tool-result";
import { UpstreamRequestError } from "@/lib/upstream-connections/upstream-request-error";

// Plain text results skip zod; whatever the path, the answer must be the schema's own parse.
const results: { name: string; result: Record<string, unknown> }[] = [
  { name: "plain text", result: { content: [{ type: "text", text: "hi" }] } },
  { name: "no content items", result: { content: [] } },
  { name: "an error", result: { content: [{ type: "text", text: "no" }], isError: true } },
  { name: "structured", result: { content: [{ type: "text", text: "{}" }], structuredContent: { a: 1 } } },
  { name: "an unknown top-level field", result: { content: [{ type: "text", text: "x" }], extra: 1 } },
  { name: "a text item with an unknown key (stripped by the schema)", result: { content: [{ type: "text", text: "x", odd: true }] } },
  { name: "a text item with annotations", result: { content: [{ type: "text", text: "x", annotations: { priority: 0.5 } }] } },
  { name: "an image", result: { content: [{ type: "image", data: "aGk=", mimeType: "image/png" }] } },
  { name: "no content (defaulted)", result: { structuredContent: { a: 1 } } },
  { name: "_meta", result: { content: [], _meta: { note: "n" } } },
];

for (const { name, result } of results) {
  test(`as the SDK's CallToolResult schema parses it: ${name}`, () => {
    const expected = CallToolResultSchema.parse(structuredClone(result));
    assert.deepEqual(checkCallToolResult(structuredClone(result)), expected);
  });
}

test("the hub's own 2026-07-28 fields are taken off an upstream's answer, on both paths", () => {
  for (const content of [[{ type: "text", text: "x" }], [{ type: "image", data: "aGk=", mimeType: "image/png" }]]) {
    const checked = checkCallToolResult({ content, resultType: "input_required", inputRequests: {}, requestState: "s" }) as Record<string, unknown>;
    assert.deepEqual(Object.keys(checked).sort(), ["content"]);
  }
});

const malformed = [
  { name: "content not an array", result: { content: "hi" } },
  { name: "a text item without text", result: { content: [{ type: "text" }] } },
  { name: "isError not a boolean", result: { content: [], isError: "yes" } },
  { name: "structuredContent an array", result: { content: [], structuredContent: [1] } },
  { name: "not an object", result: 42 },
];
for (const { name, result } of malformed) {
  test(`refused in one line: ${name}`, () => {
    assert.throws(() => checkCallToolResult(result), (error: unknown) => error instanceof UpstreamRequestError && /not a CallToolResult/.test(error.message) && !error.message.includes("\n"));
  });
}
