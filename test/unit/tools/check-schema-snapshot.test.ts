import assert from "node:assert/strict";
import { test } from "node:test";
import { checkSchemaSnapshot, type SnapshotTool } from "@/lib/tool-catalog/check-schema-snapshot";

const v1: SnapshotTool = { version: "1.0.0", inputSchema: { type: "object", properties: { pattern: { type: "string" } } } };

const cases: Array<[string, Record<string, SnapshotTool>, Record<string, SnapshotTool>, { breaking: string[]; stale: string[] }]> = [
  ["unchanged", { run: v1 }, { run: v1 }, { breaking: [], stale: [] }],
  [
    "breaking change under the same name",
    { run: v1 },
    { run: { version: "2.0.0", inputSchema: { type: "object", properties: { grep: { type: "string" } } } } },
    { breaking: ["run: input.pattern: property removed — keep run as it was and add the new schema as a new tool (e.g. run_v2)"], stale: [] },
  ],
  [
    "additive change without a version bump",
    { run: v1 },
    { run: { version: "1.0.0", inputSchema: { type: "object", properties: { pattern: { type: "string" }, bail: { type: "boolean" } } } } },
    { breaking: ["run: schema changed (input.bail: property added) but version is still 1.0.0 — bump the minor version"], stale: [] },
  ],
  [
    "additive change with a bump makes the snapshot stale",
    { run: v1 },
    { run: { version: "1.1.0", inputSchema: { type: "object", properties: { pattern: { type: "string" }, bail: { type: "boolean" } } } } },
    { breaking: [], stale: ["run: 1.0.0 → 1.1.0 (input.bail: property added)"] },
  ],
  ["new tool", {}, { run: v1 }, { breaking: [], stale: ["run: new tool"] }],
  ["removed tool", { run: v1 }, {}, { breaking: [], stale: ["run: removed from code (callers lose it: deprecate with a sunset date first)"] }],
];

for (const [name, committed, current, expected] of cases) {
  test(`checkSchemaSnapshot: ${name}`, () => {
    assert.deepEqual(checkSchemaSnapshot(committed, current), expected);
  });
}
