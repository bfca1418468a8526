import assert from "node:assert/strict";
import { test } from "node:test";
import { formatUsageTick } from "@/lib/console/usage/format-usage-tick";

test("latency ticks 0.05 ms apart stay distinct (the tables' rounding printed 0.1 ms twice)", () => {
  assert.deepEqual([0, 0.05, 0.1, 0.15, 0.2].map((tick) => formatUsageTick(tick, "ms")), ["0 ms", "0.05 ms", "0.1 ms", "0.15 ms", "0.2 ms"]);
});
test("large ticks keep their thousands and percent ticks scale", () => {
  assert.equal(formatUsageTick(12_500, "ms"), "12,500 ms");
  assert.equal(formatUsageTick(0.25, "percent"), "25%");
  assert.equal(formatUsageTick(3, "count"), "3");
});
