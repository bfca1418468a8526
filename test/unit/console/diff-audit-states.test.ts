import assert from "node:assert/strict";
import { test } from "node:test";
import { diffAuditStates } from "@/lib/console/admin/diff-audit-states";

const cases: Array<[string, unknown, unknown, ReturnType<typeof diffAuditStates>]> = [
  ["a changed field, unchanged ones left out", { enabled: true, version: "1.0.0" }, { enabled: false, version: "1.0.0" }, [{ field: "enabled", before: "true", after: "false" }]],
  ["a creation: every field new", null, { role: "member", email: "a@example.com" }, [{ field: "role", before: null, after: "member" }, { field: "email", before: null, after: "a@example.com" }]],
  ["a removal: every field gone", { role: "member" }, null, [{ field: "role", before: "member", after: null }]],
  ["a field only one side has", { message: "old" }, { message: "old", sunset: "2099-12-31T00:00:00.000Z" }, [{ field: "sunset", before: null, after: "2099-12-31T00:00:00.000Z" }]],
  ["nested values compared as JSON", { tools: ["a", "b"] }, { tools: ["a"] }, [{ field: "tools", before: '["a","b"]', after: '["a"]' }]],
  ["null and absent read alike", { replacement: null }, {}, []],
  ["null to a value", { replacement: null }, { replacement: "search_text" }, [{ field: "replacement", before: null, after: "search_text" }]],
  ["a scalar state cleared", "120/1m", null, [{ field: "value", before: "120/1m", after: null }]],
  ["scalar states", "60/1m", "120/1m", [{ field: "value", before: "60/1m", after: "120/1m" }]],
  ["nothing changed", { a: 1 }, { a: 1 }, []],
  ["both absent", null, null, []],
];

for (const [name, before, after, expected] of cases) {
  test(`diffAuditStates: ${name}`, () => assert.deepEqual(diffAuditStates(before, after), expected));
}
