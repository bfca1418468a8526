import assert from "node:assert/strict";
import { test } from "node:test";
import { parseAdminForm } from "@/lib/console/admin/parse-admin-form";
import { commandToolFormSchema } from "@/lib/console/tools/command-tool-form-schema";

const FORM = {
  name: "run_lint",
  version: "1.0.0",
  title: " Run the linter ",
  description: "Lints one path.",
  argv: "npx\r\n eslint \n\n{{path}}\n",
  parameters: JSON.stringify({ path: { type: "path", description: "File to lint", required: true } }),
  workingDir: "",
  timeoutSeconds: "30",
  maxOutputKb: "64",
};

test("commandToolFormSchema maps the form onto the command-tools service's definition", () => {
  assert.deepEqual(parseAdminForm(commandToolFormSchema, { ...FORM, public: "on" }), {
    ok: true,
    data: {
      name: "run_lint",
      version: "1.0.0",
      title: "Run the linter",
      description: "Lints one path.",
      argv: ["npx", "eslint", "{{path}}"],
      parameters: { path: { type: "path", description: "File to lint", required: true, allowLeadingDash: false } },
      workingDir: ".",
      timeoutMs: 30_000,
      maxOutputBytes: 65_536,
      public: true,
    },
  });
});

const REFUSALS: { change: Record<string, unknown>; field: string; message: string }[] = [
  { change: { name: "Run-Lint" }, field: "name", message: "use lowercase letters, digits and _ (2-64 characters, starting with a letter)" },
  { change: { version: "1.0" }, field: "version", message: "use semver such as 1.0.0" },
  { change: { argv: " \n \n" }, field: "argv", message: "Too small: expected array to have >=1 items" },
  { change: { parameters: "{not json" }, field: "parameters", message: "Parameters are not valid JSON" },
  { change: { parameters: JSON.stringify({ path: { type: "file", description: "x" } }) }, field: "parameters", message: 'Invalid option: expected one of "string"|"integer"|"boolean"|"enum"|"path"' },
  { change: { timeoutSeconds: "0" }, field: "timeoutSeconds", message: "At least 1 second" },
  { change: { timeoutSeconds: "abc" }, field: "timeoutSeconds", message: "Enter a number of seconds" },
  { change: { maxOutputKb: "5000" }, field: "maxOutputKb", message: "At most 4096 KiB (4 MiB)" },
];

for (const { change, field, message } of REFUSALS) {
  test(`commandToolFormSchema refuses ${JSON.stringify(change)}`, () => {
    assert.deepEqual(parseAdminForm(commandToolFormSchema, { ...FORM, ...change }), { ok: false, message: "Check the highlighted fields.", fieldErrors: { [field]: message } });
  });
}
