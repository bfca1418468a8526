import assert from "node:assert/strict";
import { test } from "node:test";
import { parseAdminForm } from "@/lib/console/admin/parse-admin-form";
import { deprecateToolFormSchema, grantToolFormSchema, setToolEnabledFormSchema } from "@/lib/console/tools/tool-form-schemas";

const USER_ID = "8c6f1b8e-1d2a-4c3b-9e4f-5a6b7c8d9e0f";

const DEPRECATE_CASES: { input: Record<string, unknown>; result: unknown }[] = [
  { input: { name: "run_tests", message: "", replacement: "", sunset: "" }, result: { ok: true, data: { name: "run_tests", message: undefined, replacement: undefined, sunset: undefined } } },
  {
    input: { name: "run_tests", message: "  Use v2  ", replacement: "run_tests_v2", sunset: "2027-01-31" },
    result: { ok: true, data: { name: "run_tests", message: "Use v2", replacement: "run_tests_v2", sunset: new Date("2027-01-31T00:00:00Z") } },
  },
  { input: { name: "run_tests", sunset: "31/01/2027" }, result: { ok: false, message: "Check the highlighted fields.", fieldErrors: { sunset: "Use a date such as 2026-12-31" } } },
  { input: { name: "run_tests", sunset: "2027-02-31" }, result: { ok: false, message: "Check the highlighted fields.", fieldErrors: { sunset: "Not a calendar date" } } },
  { input: { name: "run_tests", message: "x".repeat(501) }, result: { ok: false, message: "Check the highlighted fields.", fieldErrors: { message: "Too big: expected string to have <=500 characters" } } },
  { input: { name: "" }, result: { ok: false, message: "Check the highlighted fields.", fieldErrors: { name: "Unknown tool" } } },
];

for (const { input, result } of DEPRECATE_CASES) {
  test(`deprecateToolFormSchema: ${JSON.stringify(input).slice(0, 80)}`, () => {
    assert.deepEqual(parseAdminForm(deprecateToolFormSchema, input), result);
  });
}

const GRANT_CASES: { grantee: string; output: unknown }[] = [
  { grantee: "role:member", output: { toolName: "echo", role: "member" } },
  { grantee: "role:admin", output: { toolName: "echo", role: "admin" } },
  { grantee: `user:${USER_ID}`, output: { toolName: "echo", userId: USER_ID } },
  { grantee: "role:owner", output: null },
  { grantee: "user:bob", output: null },
  { grantee: "", output: null },
];

for (const { grantee, output } of GRANT_CASES) {
  test(`grantToolFormSchema: ${JSON.stringify(grantee)} → ${output === null ? "refused" : JSON.stringify(output)}`, () => {
    const parsed = grantToolFormSchema.safeParse({ name: "echo", grantee });
    assert.deepEqual(parsed.success ? parsed.data : null, output);
  });
}

test("setToolEnabledFormSchema turns the posted text into a boolean and refuses anything else", () => {
  assert.deepEqual(setToolEnabledFormSchema.parse({ name: "echo", enabled: "false" }), { name: "echo", enabled: false });
  assert.deepEqual(setToolEnabledFormSchema.parse({ name: "echo", enabled: "true" }), { name: "echo", enabled: true });
  assert.equal(setToolEnabledFormSchema.safeParse({ name: "echo", enabled: "yes" }).success, false);
});
