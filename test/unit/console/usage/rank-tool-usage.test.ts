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
  assert.deepEqual(rankToolUsage(stats, 2).slowest.map((entry) => entry.toolName), ["slow", "tie-high-p99"]);
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
