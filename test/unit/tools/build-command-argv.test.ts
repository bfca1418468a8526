import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildCommandArgv } from "@/lib/command-tools/build-command-argv";
import { commandParameterSchema, type CommandParameter } from "@/lib/command-tools/command-tool-schema";

const parameter = (definition: Record<string, unknown>): CommandParameter => commandParameterSchema.parse({ description: "test", ...definition });

const parameters = {
  pattern: parameter({ type: "string", pattern: "[A-Za-z0-9 _.*-]+", max: 50 }),
  name: parameter({ type: "string" }),
  grep: parameter({ type: "string", flag: "--grep" }),
  count: parameter({ type: "integer", min: 1, max: 10 }),
  offset: parameter({ type: "integer", min: -5, max: 5, allowLeadingDash: true }),
  bail: parameter({ type: "boolean", flag: "--bail" }),
  verbose: parameter({ type: "boolean" }),
  level: parameter({ type: "enum", enum: ["unit", "integration"] }),
  raw: parameter({ type: "string", allowLeadingDash: true }),
  target: parameter({ type: "path", required: true }),
};
const template = ["npm", "test", "--", "{{pattern}}", "{{name}}", "{{grep}}", "{{count}}", "{{offset}}", "{{bail}}", "{{verbose}}", "{{level}}", "{{raw}}", "{{target}}"];

describe("buildCommandArgv", () => {
  test("fills each placeholder as one whole argument and drops absent ones with their flag", () => {
    assert.deepEqual(buildCommandArgv(template, parameters, { target: "/ws/test", pattern: "parser works", grep: "fast", count: 3, bail: true, verbose: false, level: "unit" }), {
      ok: true,
      argv: ["npm", "test", "--", "parser works", "--grep", "fast", "3", "--bail", "false", "unit", "/ws/test"],
    });
  });

  test("keeps shell metacharacters as literal text of one argument (no shell runs)", () => {
    for (const value of ["a; rm -rf /", "$(rm -rf /)", "`id`", "a && b", "a | b", "> /etc/passwd", "'quoted' \"x\"", "*"]) {
      assert.deepEqual(buildCommandArgv(template, parameters, { target: "/ws", name: value }), {
        ok: true,
        argv: ["npm", "test", "--", value, "/ws"],
      });
    }
  });

  const refused: Array<[string, Record<string, unknown>, string]> = [
    ["shell command through a pattern-checked value", { pattern: "x; rm -rf /" }, "pattern does not match the allowed pattern [A-Za-z0-9 _.*-]+."],
    ["command substitution", { pattern: "$(reboot)" }, "pattern does not match the allowed pattern [A-Za-z0-9 _.*-]+."],
    ["backticks", { pattern: "`reboot`" }, "pattern does not match the allowed pattern [A-Za-z0-9 _.*-]+."],
    ["--flag injection", { name: "--exec=rm -rf /" }, 'name must not start with "-" (it would be read as an option).'],
    ["single-dash flag injection", { grep: "-e" }, 'grep must not start with "-" (it would be read as an option).'],
    ["flag injection through an allowed pattern", { pattern: "-rf" }, 'pattern must not start with "-" (it would be read as an option).'],
    ["newline", { name: "ok\nrm -rf /" }, "name must not contain control characters such as newlines or NUL."],
    ["carriage return", { name: "ok\r" }, "name must not contain control characters such as newlines or NUL."],
    ["NUL byte", { name: "ok\0" }, "name must not contain control characters such as newlines or NUL."],
    ["integer below range", { count: 0 }, "count must be at least 1."],
    ["integer above range", { count: 11 }, "count must be at most 10."],
    ["fractional integer", { count: 1.5 }, "count must be an integer."],
    ["string for integer", { count: "3; id" }, "count must be an integer."],
    ["negative integer read as an option", { count: -1 }, "count must be at least 1."],
    ["enum outside its values", { level: "e2e" }, "level must be one of: unit, integration."],
    ["string for boolean", { bail: "yes" }, "bail must be true or false."],
    ["too long", { pattern: "a".repeat(51) }, "pattern must be 1 to 50 characters long."],
    ["empty string", { name: "" }, "name must be 1 to 1000 characters long."],
    ["unknown parameter", { shell: "/bin/sh" }, "Unknown parameter shell."],
  ];
  for (const [name, values, message] of refused) {
    test(`refuses ${name}`, () => {
      assert.deepEqual(buildCommandArgv(template, parameters, { target: "/ws", ...values }), { ok: false, message });
    });
  }

  test("refuses a missing required parameter", () => {
    assert.deepEqual(buildCommandArgv(template, parameters, {}), { ok: false, message: "Missing required parameter target." });
  });

  test("lets a parameter that allows it start with a dash", () => {
    assert.deepEqual(buildCommandArgv(template, parameters, { target: "/ws", raw: "--watch", offset: -2 }), {
      ok: true,
      argv: ["npm", "test", "--", "-2", "--watch", "/ws"],
    });
  });
});
