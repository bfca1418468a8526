import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { compareInputSchemas } from "@/lib/tool-catalog/compare-input-schemas";

const base = {
  type: "object",
  properties: {
    path: { type: "string", maxLength: 100, description: "where" },
    mode: { type: "string", enum: ["fast", "full"] },
    limit: { type: "integer", minimum: 1, maximum: 50 },
    tags: { type: "array", items: { type: "string" }, maxItems: 5 },
  },
  required: ["path"],
};

/** Copy of `base` with one change applied. */
function change(edit: (schema: typeof base & Record<string, any>) => void): Record<string, unknown> {
  const copy = structuredClone(base) as typeof base & Record<string, any>;
  edit(copy);
  return copy;
}

describe("compareInputSchemas", () => {
  const breaking: Array<[string, Record<string, unknown>, string]> = [
    ["removed property", change((s) => delete (s.properties as any).mode), "input.mode: property removed"],
    ["renamed property", change((s) => { (s.properties as any).folder = s.properties.path; delete (s.properties as any).path; s.required = ["folder"]; }), "input.path: property removed"],
    ["newly required existing field", change((s) => s.required.push("limit")), "input.limit: newly required"],
    ["new required field", change((s) => { (s.properties as any).token = { type: "string" }; s.required.push("token"); }), "input.token: newly required"],
    ["narrowed type", change((s) => ((s.properties as any).limit.type = "string")), "input.limit: type integer narrowed to string"],
    ["narrowed enum", change((s) => (s.properties.mode.enum = ["fast"])), 'input.mode: enum value "full" removed'],
    ["enum added", change((s) => ((s.properties.path as any).enum = ["a"])), "input.path: enum added"],
    ["lower maximum", change((s) => (s.properties.limit.maximum = 10)), "input.limit: maximum narrowed 50 → 10"],
    ["higher minimum", change((s) => (s.properties.limit.minimum = 2)), "input.limit: minimum narrowed 1 → 2"],
    ["shorter maxLength", change((s) => (s.properties.path.maxLength = 50)), "input.path: maxLength narrowed 100 → 50"],
    ["pattern added", change((s) => ((s.properties.path as any).pattern = "^[a-z]+$")), "input.path: pattern added"],
    ["fewer array items", change((s) => (s.properties.tags.maxItems = 2)), "input.tags: maxItems narrowed 5 → 2"],
    ["array item type narrowed", change((s) => (s.properties.tags.items.type = "integer")), "input.tags[]: type string narrowed to integer"],
    ["additionalProperties closed", change((s) => (s.additionalProperties = false)), "input: additionalProperties narrowed"],
  ];
  for (const [name, next, expected] of breaking) {
    test(`breaking: ${name}`, () => {
      const result = compareInputSchemas(base, next);
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.breaking.includes(expected), `expected "${expected}" in ${JSON.stringify(result)}`);
      assert.match(!result.ok ? result.message : "", /^Incompatible input schema change: /);
    });
  }

  const additive: Array<[string, Record<string, unknown>, string[]]> = [
    ["identical", structuredClone(base), []],
    ["new optional field", change((s) => ((s.properties as any).verbose = { type: "boolean" })), ["input.verbose: property added"]],
    ["description changed", change((s) => (s.properties.path.description = "relative path")), ["input.path: description changed"]],
    ["enum extended", change((s) => s.properties.mode.enum.push("smoke")), ["input.mode: enum extended"]],
    ["range widened", change((s) => (s.properties.limit.maximum = 100)), ["input.limit: maximum 50 → 100"]],
    ["required relaxed", change((s) => (s.required = [])), ["input.path: now optional"]],
    ["integer widened to number", change((s) => ((s.properties.limit as any).type = "number")), ["input.limit: type widened to number"]],
    ["type union widened", change((s) => ((s.properties.path as any).type = ["string", "null"])), ["input.path: type widened to string|null"]],
  ];
  for (const [name, next, expected] of additive) {
    test(`compatible: ${name}`, () => {
      assert.deepEqual(compareInputSchemas(base, next), { ok: true, changed: expected.length > 0, additive: expected });
    });
  }
});
