import assert from "node:assert/strict";
import { test } from "node:test";
import { createUserSchema } from "@/lib/api/schemas/create-user-schema";

const CASES: { input: unknown; output: unknown }[] = [
  { input: { email: " Ada@Example.TEST " }, output: { email: "ada@example.test", role: "member" } },
  { input: { email: "ada@example.test", password: "twelve chars", role: "admin", name: "Ada" }, output: { email: "ada@example.test", password: "twelve chars", role: "admin", name: "Ada" } },
  { input: { email: "ada@example.test", name: "  " }, output: { email: "ada@example.test", name: undefined, role: "member" } },
  { input: { email: "ada@example.test", password: "short" }, output: null },
  { input: { email: "ada" }, output: null },
  { input: { email: "ada@example.test", role: "owner" }, output: null },
  { input: { email: "ada@example.test", disabled: true }, output: null },
];

for (const { input, output } of CASES) {
  test(`createUserSchema: ${JSON.stringify(input)} → ${output === null ? "refused" : "accepted"}`, () => {
    const parsed = createUserSchema.safeParse(input);
    assert.deepEqual(parsed.success ? parsed.data : null, output);
  });
}
