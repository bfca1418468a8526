import assert from "node:assert/strict";
import { test } from "node:test";
import { summarizeUsage } from "@/lib/console/usage/summarize-usage";

test("summarizeUsage: totals, error rate and the average rate over the whole range", () => {
  const calls = [
    { calls: 30, errors: 3 },
    { calls: 0, errors: 0 },
    { calls: 90, errors: 0 },
  ];
  const violations = [
    { key: 2, authFailure: 1 },
    { key: 0, authFailure: 4 },
  ];
  assert.deepEqual(summarizeUsage("1h", calls, violations), { calls: 120, errors: 3, errorRate: 0.025, callsPerMinute: 2, rateLimitViolations: 7 });
  assert.equal(summarizeUsage("24h", calls, []).callsPerMinute, 120 / 1_440);
});

test("summarizeUsage: no calls is a 0 error rate, not NaN", () => {
  assert.deepEqual(summarizeUsage("30d", [], []), { calls: 0, errors: 0, errorRate: 0, callsPerMinute: 0, rateLimitViolations: 0 });
});
