import assert from "node:assert/strict";
import { test } from "node:test";
import { readTraceParent } from "@/mcp/pipeline/read-trace-parent";

const VALID = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01";

const CASES: Array<[string, unknown, string | null]> = [
  ["a valid traceparent", { _meta: { traceparent: VALID } }, VALID],
  ["a future version with the same layout", { _meta: { traceparent: `cc${VALID.slice(2)}` } }, `cc${VALID.slice(2)}`],
  ["version ff (forbidden by W3C)", { _meta: { traceparent: `ff${VALID.slice(2)}` } }, null],
  ["an all-zero trace id", { _meta: { traceparent: `00-${"0".repeat(32)}-00f067aa0ba902b7-01` } }, null],
  ["an all-zero parent id", { _meta: { traceparent: `00-0af7651916cd43dd8448eb211c80319c-${"0".repeat(16)}-01` } }, null],
  ["upper-case hex", { _meta: { traceparent: VALID.toUpperCase() } }, null],
  ["trailing data", { _meta: { traceparent: `${VALID}-extra` } }, null],
  ["a huge string", { _meta: { traceparent: "0".repeat(100_000) } }, null],
  ["a number", { _meta: { traceparent: 42 } }, null],
  ["no traceparent", { _meta: {} }, null],
  ["no _meta", { name: "echo" }, null],
  ["_meta not an object", { _meta: "x" }, null],
  ["no params", undefined, null],
];

for (const [name, params, expected] of CASES) {
  test(`readTraceParent: ${name}`, () => assert.equal(readTraceParent(params), expected));
}
