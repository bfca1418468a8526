import assert from "node:assert/strict";
import { test } from "node:test";
import { filterToolList, toolListFilterSchema } from "@/lib/console/tools/filter-tool-list";
import { getToolListStatus } from "@/lib/console/tools/get-tool-list-status";
import { groupToolsBySource } from "@/lib/console/tools/group-tools-by-source";
import type { ToolListItem } from "@/lib/console/tools/tool-list-item";

const item = (name: string, extra: Partial<ToolListItem> = {}): ToolListItem => ({ name, title: name, description: "", version: "1.0.0", status: "active", kind: "builtin", server: null, review: null, calls24h: 0, ...extra });
const tools = [
  item("read_file", { title: "Read a file", description: "Reads one workspace file" }),
  item("run_tests", { status: "deprecated", kind: "command", description: "Runs the tests" }),
  item("github__create_issue", { kind: "upstream", server: "github", description: "Opens an issue" }),
  item("memory__read_graph", { kind: "upstream", server: "memory", status: "disabled" }),
  item("github__merge", { kind: "upstream", server: "github", status: "held", review: "held" }),
  item("github__close", { kind: "upstream", server: "github", status: "missing", review: "missing" }),
];
const names = (filter: Parameters<typeof toolListFilterSchema.parse>[0]) => filterToolList(tools, toolListFilterSchema.parse(filter)).map((tool) => tool.name);

test("search: every word, any order, in name, title or description, case-insensitive", () => {
  assert.deepEqual(names({ q: "FILE read" }), ["read_file"]);
  assert.deepEqual(names({ q: "issue" }), ["github__create_issue"]);
  assert.deepEqual(names({ q: "read" }), ["read_file", "memory__read_graph"]);
  assert.deepEqual(names({ q: "  " }), tools.map((tool) => tool.name));
});
test("status and source filters, also combined with a search", () => {
  assert.deepEqual(names({ status: "deprecated" }), ["run_tests"]);
  assert.deepEqual(names({ source: "github" }), ["github__create_issue", "github__merge", "github__close"]);
  assert.deepEqual(names({ status: "held" }), ["github__merge"]);
  assert.deepEqual(names({ status: "missing", source: "github" }), ["github__close"]);
  assert.deepEqual(names({ source: "command" }), ["run_tests"]);
  assert.deepEqual(names({ source: "memory", q: "read" }), ["memory__read_graph"]);
  assert.deepEqual(names({ source: "memory", status: "active" }), []);
});
test("unknown filter values are ignored, not refused (a hand-edited URL still shows the list)", () => {
  const parsed = toolListFilterSchema.parse({ status: "gone", q: "x".repeat(300), source: "" });
  assert.deepEqual([parsed.q, parsed.status, parsed.source], [undefined, undefined, undefined]);
});
test("groups: built-in, then command tools, then upstream servers by name", () => {
  assert.deepEqual(groupToolsBySource([...tools].reverse()).map(([source, group]) => [source, group.map((tool) => tool.name)]), [
    ["builtin", ["read_file"]],
    ["command", ["run_tests"]],
    ["github", ["github__close", "github__merge", "github__create_issue"]],
    ["memory", ["memory__read_graph"]],
  ]);
});
test("an upstream tool in review shows held or missing over its lifecycle status; disabled still wins", () => {
  const cases: Array<[Parameters<typeof getToolListStatus>[0], string]> = [
    [{ status: "active", review: null }, "active"],
    [{ status: "deprecated", review: "approved" }, "deprecated"],
    [{ status: "active", review: "held" }, "held"],
    [{ status: "deprecated", review: "held" }, "held"],
    [{ status: "sunset", review: "missing" }, "missing"],
    [{ status: "active", review: "missing" }, "missing"],
    [{ status: "disabled", review: "held" }, "disabled"],
  ];
  for (const [tool, expected] of cases) assert.equal(getToolListStatus(tool), expected, JSON.stringify(tool));
});
