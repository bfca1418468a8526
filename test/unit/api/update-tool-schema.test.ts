import assert from "node:assert/strict";
import { test } from "node:test";
import { updateToolSchema } from "@/lib/api/schemas/update-tool-schema";

const CASES: { input: unknown; output: unknown }[] = [
  { input: { enabled: false }, output: { enabled: false } },
  { input: { deprecation: null }, output: { deprecation: null } },
  { input: { deprecation: {} }, output: { deprecation: {} } },
  {
    input: { enabled: true, deprecation: { message: " Use v2 ", replacement: "run_tests_v2", sunset: "2027-01-31" } },
    output: { enabled: true, deprecation: { message: "Use v2", replacement: "run_tests_v2", sunset: new Date("2027-01-31") } },
  },
  { input: {}, output: null },
  { input: { enabled: "no" }, output: null },
  { input: { deprecation: { sunset: "someday" } }, output: null },
  { input: { deprecation: { name: "other_tool" } }, output: null },
  { input: { name: "other_tool", enabled: true }, output: null },
];

for (const { input, output } of CASES) {
  test(`updateToolSchema: ${JSON.stringify(input)} → ${output === null ? "refused" : "accepted"}`, () => {
    const parsed = updateToolSchema.safeParse(input);
    assert.deepEqual(parsed.success ? parsed.data : null, output);
  });
}
