import assert from "node:assert/strict";
import { test } from "node:test";
import { rankToolUsage } from "@/lib/console/usage/rank-tool-usage";
import type { ToolUsageStats } from "@/lib/usage/get-tool-usage-stats";

function tool(toolName: string, fields: Partial<ToolUsageStats>): ToolUsageStats {
  const calls = fields.calls ?? 10;
  const errors = fields.errors ?? 0;
  return { toolName, calls, errors, errorRate: errors / calls, avgMs: 1, p50Ms: 1, p95Ms: 1, p99Ms: 1, maxMs: 1, ...fields };
}

test("rankToolUsage: slowest by p95 then p99, skipping tools that never ran", () => {
  const stats = [
    tool("fast", { p95Ms: 5, p99Ms: 9 }),
    tool("slow", { p95Ms: 900, p99Ms: 1_000 }),
    tool("tie-low-p99", { p95Ms: 100, p99Ms: 150 }),
    tool("tie-high-p99", { p95Ms: 100, p99Ms: 400 }),
    tool("never-ran", { p50Ms: null, p95Ms: null, p99Ms: null, avgMs: null, maxMs: null, errors: 10 }),
  ];
  assert.deepEqual(rankToolUsage(stats).slowest.map((entry) => entry.toolName), ["slow", "tie-high-p99", "tie-low-p99", "fast"]);
  assert.deepEqual(rankToolUsage(stats, { limit: 2 }).slowest.map((entry) => entry.toolName), ["slow", "tie-high-p99"]);
});

test("rankToolUsage: most failing by failed calls then rate, only tools that failed", () => {
  const stats = [
    tool("clean", { calls: 100, errors: 0 }),
    tool("many-failures", { calls: 1_000, errors: 50 }),
    tool("few-but-all", { calls: 3, errors: 3 }),
    tool("same-count-higher-rate", { calls: 60, errors: 50 }),
  ];
  assert.deepEqual(rankToolUsage(stats).mostFailing.map((entry) => entry.toolName), ["same-count-higher-rate", "many-failures", "few-but-all"]);
  assert.deepEqual(rankToolUsage([]), { slowest: [], mostFailing: [] });
});

test("rankToolUsage: each tool with its server, and only one server's tools when asked", () => {
  const stats = [tool("files__read", { p95Ms: 30, errors: 2 }), tool("echo", { p95Ms: 20, errors: 1 }), tool("git__log", { p95Ms: 10, errors: 3 }), tool("files__write", { p95Ms: 5 })];
  const servers = new Map([["files__read", "files"], ["files__write", "files"], ["git__log", "git"]]);
  const all = rankToolUsage(stats, { servers });
  assert.deepEqual(all.slowest.map((entry) => [entry.toolName, entry.server]), [["files__read", "files"], ["echo", null], ["git__log", "git"], ["files__write", "files"]]);
  const files = rankToolUsage(stats, { servers, server: "files" });
  assert.deepEqual(files.slowest.map((entry) => entry.toolName), ["files__read", "files__write"]);
  assert.deepEqual(files.mostFailing.map((entry) => entry.toolName), ["files__read"]);
  // A server none of the ranked tools belongs to ranks nothing (not everything).
  assert.deepEqual(rankToolUsage(stats, { servers, server: "ghost" }), { slowest: [], mostFailing: [] });
  // Without the catalogue's answer a NAME__ name is not taken for a server.
  assert.deepEqual(rankToolUsage(stats).slowest.map((entry) => entry.server), [null, null, null, null]);
});
