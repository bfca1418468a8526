import assert from "node:assert/strict";
import { test } from "node:test";
import { HubError } from "@/lib/errors/hub-error";
import { parseCommandToolDefinition } from "@/lib/command-tools/parse-command-tool-definition";

const valid = {
  name: "run_lint",
  title: "Run lint",
  description: "Lints a folder",
  argv: ["npx", "eslint", "{{path}}"],
  parameters: { path: { type: "path", required: true, description: "Folder to lint" } },
};

test("accepts a valid definition with defaults", () => {
  const definition = parseCommandToolDefinition(valid);
  assert.equal(definition.version, "1.0.0");
  assert.equal(definition.workingDir, ".");
  assert.equal(definition.timeoutMs, 60_000);
});

const refused: Array<[string, Record<string, unknown>, string]> = [
  ["a placeholder inside an argument", { argv: ["npx", "eslint", "--dir={{path}}"] }, 'argv[2] "--dir={{path}}": a placeholder must be the whole argument, e.g. "{{pattern}}".'],
  ["a placeholder as the program", { argv: ["{{path}}"] }, "argv[0] (the program) must be literal, not a placeholder."],
  ["an unknown placeholder", { argv: ["npx", "eslint", "{{path}}", "{{fix}}"] }, "argv[3] uses {{fix}}, which is not a parameter."],
  ["an unused parameter", { parameters: { ...valid.parameters, fix: { type: "boolean", description: "fix" } } }, "Parameter fix is not used in argv."],
  ["a pattern that does not compile", { argv: ["x", "{{q}}"], parameters: { q: { type: "string", pattern: "(", description: "q" } } }, "Parameter q: pattern is not a valid regular expression."],
  ["an enum without values", { argv: ["x", "{{q}}"], parameters: { q: { type: "enum", description: "q" } } }, "Parameter q: enum values are required for (and only for) type enum."],
  ["min above max", { argv: ["x", "{{q}}"], parameters: { q: { type: "integer", min: 5, max: 1, description: "q" } } }, "Parameter q: min is greater than max."],
  ["a working folder outside the workspace", { workingDir: "../elsewhere" }, 'Path "../elsewhere" leaves the workspace root.'],
  ["an unbounded timeoutSeconds", { parameters: { ...valid.parameters, timeoutSeconds: { type: "integer", description: "t" } } }, "timeoutSeconds.max must be set and at most timeoutMs / 1000 (60)."],
  ["a bad name", { name: "Run Lint" }, "name: use lowercase letters, digits and _ (2-64 characters, starting with a letter)"],
  ["a bad parameter type", { parameters: { path: { type: "shell", description: "x" } } }, 'parameters.path.type: Invalid option: expected one of "string"|"integer"|"boolean"|"enum"|"path"'],
];
for (const [name, change, message] of refused) {
  test(`refuses ${name}`, () => {
    assert.throws(
      () => parseCommandToolDefinition({ ...valid, ...change }),
      (error: unknown) => error instanceof HubError && error.code === "validation_failed" && error.message === message,
      message,
    );
  });
}
