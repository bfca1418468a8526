import assert from "node:assert/strict";
import { test } from "node:test";
import { formatUsageValue } from "@/lib/console/usage/format-usage-value";

test("formatUsageValue: numbers with their units", () => {
  const cases = [
    { value: 12.345, unit: "ms", expected: "12.3 ms" },
    { value: 1_234.5, unit: "ms", expected: "1,234.5 ms" },
    { value: 0.025, unit: "percent", expected: "2.5%" },
    { value: 1, unit: "percent", expected: "100%" },
    { value: 0.0833, unit: "callsPerMinute", expected: "0.08 calls/min" },
    { value: 1_204, unit: "count", expected: "1,204" },
    { value: 0, unit: "count", expected: "0" },
    { value: null, unit: "ms", expected: "—" },
    { value: undefined, unit: "percent", expected: "—" },
    { value: Number.NaN, unit: "count", expected: "—" },
  ] as const;
  for (const { value, unit, expected } of cases) assert.equal(formatUsageValue(value, unit), expected, `${value} ${unit}`);
});
