import assert from "node:assert/strict";
import { test } from "node:test";
import { toolGranteeSchema } from "@/lib/api/schemas/tool-grantee-schema";

const USER_ID = "8c6f1b8e-1d2a-4c3b-9e4f-5a6b7c8d9e0f";

const CASES: { input: unknown; output: unknown }[] = [
  { input: { role: "member" }, output: { role: "member" } },
  { input: { userId: USER_ID }, output: { userId: USER_ID } },
  { input: { role: "member", userId: USER_ID }, output: null },
  { input: {}, output: null },
  { input: { role: "owner" }, output: null },
  { input: { userId: "bob" }, output: null },
  { input: { role: "admin", note: "x" }, output: null },
];

for (const { input, output } of CASES) {
  test(`toolGranteeSchema: ${JSON.stringify(input)} → ${output === null ? "refused" : JSON.stringify(output)}`, () => {
    const parsed = toolGranteeSchema.safeParse(input);
    assert.deepEqual(parsed.success ? parsed.data : null, output);
  });
}
