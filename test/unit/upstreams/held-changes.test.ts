import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { describeHeldChange } from "@/lib/upstreams/describe-held-change";
import { fingerprintToolDefinition } from "@/lib/upstreams/fingerprint-tool-definition";
import { formatDefinitionValue } from "@/lib/upstreams/format-definition-value";
import { toUpstreamToolDefinition, type UpstreamToolDefinition } from "@/lib/upstreams/to-upstream-tool-definition";

const schema = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });
const base = { description: "Greets.", inputSchema: schema({ name: { type: "string" } }, ["name"]) };

describe("upstream tool definitions", () => {
  test("are canonical: key order and $schema do not change the fingerprint", () => {
    const a = toUpstreamToolDefinition({ name: "greet", description: "Greets.", inputSchema: { $schema: "http://json-schema.org/draft-07/schema#", type: "object", required: ["name"], properties: { name: { type: "string" } } } });
    const b = toUpstreamToolDefinition({ name: "greet", description: "Greets.", inputSchema: { properties: { name: { type: "string" } }, type: "object", required: ["name"] } });
    assert.ok(a.ok && b.ok);
    assert.equal(fingerprintToolDefinition(a.definition), fingerprintToolDefinition(b.definition));
    const c = toUpstreamToolDefinition({ name: "greet", description: "Greets. And more.", inputSchema: { type: "object" } });
    assert.ok(c.ok);
    assert.notEqual(fingerprintToolDefinition(a.definition), fingerprintToolDefinition(c.definition));
  });

  const refused: Array<[string, Parameters<typeof toUpstreamToolDefinition>[0], RegExp]> = [
    ["a name that is not a valid MCP tool name", { name: "has space", inputSchema: { type: "object" } }, /is not 1-64 letters/],
    ["a name over 64 characters", { name: "x".repeat(65), inputSchema: { type: "object" } }, /is not 1-64 letters/],
    ["a definition over 64 KB", { name: "big", description: "d".repeat(16_000), inputSchema: { type: "object", properties: { a: { description: "x".repeat(60_000) } } } }, /larger than 65536 bytes/],
  ];
  for (const [label, tool, message] of refused) {
    test(`refuses ${label}`, () => {
      const result = toUpstreamToolDefinition(tool);
      assert.equal(result.ok, false);
      assert.match((result as { message: string }).message, message);
    });
  }

  test("bounds what an upstream sends: control characters out of the title, long descriptions cut", () => {
    const result = toUpstreamToolDefinition({ name: "t", title: "Nice\u202e title\u0000", description: "d".repeat(20_000), inputSchema: { type: "object" } });
    assert.ok(result.ok);
    assert.equal(result.definition.title, "Nice title");
    assert.equal(result.definition.description.length, 16_384);
  });
});

describe("describeHeldChange", () => {
  const output = { type: "object", properties: { count: { type: "integer" }, unit: { type: "string", enum: ["ms", "s"] } }, required: ["count"] };
  const rich: UpstreamToolDefinition = { ...base, title: "Greet", outputSchema: output, annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } };
  const withOutput = (edit: (schema: typeof output & Record<string, any>) => void): UpstreamToolDefinition => {
    const outputSchema = structuredClone(output) as typeof output & Record<string, any>;
    edit(outputSchema);
    return { ...rich, outputSchema };
  };
  const withHints = (hints: Record<string, unknown>): UpstreamToolDefinition => ({ ...rich, annotations: { ...rich.annotations, ...hints } });
  const withoutHint = (hint: string): UpstreamToolDefinition => {
    const { [hint]: _dropped, ...annotations } = rich.annotations!;
    return { ...rich, annotations };
  };
  const cases: Array<[string, UpstreamToolDefinition | null, UpstreamToolDefinition, "new" | "breaking" | "compatible", RegExp]> = [
    ["a new tool", null, base, "new", /^new tool$/],
    ["a newly required field", base, { ...base, inputSchema: schema({ name: { type: "string" }, cc: { type: "string" } }, ["name", "cc"]) }, "breaking", /breaking: input\.cc: newly required/],
    ["a new optional field", base, { ...base, inputSchema: schema({ name: { type: "string" }, cc: { type: "string" } }, ["name"]) }, "compatible", /input\.cc: property added/],
    ["only the description", base, { ...base, description: "Greets. Also sends your data elsewhere." }, "compatible", /^description changed$/],
    ["only the title", rich, { ...rich, title: "Greet (v2)" }, "compatible", /^title changed$/],
    // Output: what a client reading the results relied on.
    ["an output property removed", rich, withOutput((s) => delete (s.properties as any).unit), "breaking", /^breaking: output\.unit: property removed$/],
    ["an output property no longer always present", rich, withOutput((s) => (s.required = [])), "breaking", /^breaking: output\.count: now optional$/],
    ["an output type widened (integer to number)", rich, withOutput((s) => ((s.properties.count as any).type = "number")), "breaking", /^breaking: output\.count: type widened to number$/],
    ["an output type replaced", rich, withOutput((s) => ((s.properties.count as any).type = "string")), "breaking", /^breaking: output\.count: type integer narrowed to string$/],
    ["an output enum extended", rich, withOutput((s) => s.properties.unit.enum.push("min")), "breaking", /^breaking: output\.unit: enum extended$/],
    ["the output schema dropped", rich, { ...rich, outputSchema: undefined }, "breaking", /^breaking: output: schema removed/],
    ["an output property added", rich, withOutput((s) => ((s.properties as any).note = { type: "string" })), "compatible", /^output\.note: property added$/],
    ["an output field newly always present", rich, withOutput((s) => s.required.push("unit")), "compatible", /^output\.unit: newly required$/],
    ["an output enum narrowed", rich, withOutput((s) => (s.properties.unit.enum = ["ms"])), "compatible", /^output\.unit: enum value "s" removed$/],
    ["an output schema added", base, { ...base, outputSchema: output }, "compatible", /^output: schema added$/],
    // Annotations: a hint that was safe and no longer is (absent means the spec's risky default).
    ["readOnlyHint true to false", rich, withHints({ readOnlyHint: false }), "breaking", /^breaking: annotations\.readOnlyHint: true → false \(riskier\)$/],
    ["readOnlyHint true to absent", rich, withoutHint("readOnlyHint"), "breaking", /^breaking: annotations\.readOnlyHint: true → absent \(riskier\)$/],
    ["destructiveHint false to true", rich, withHints({ destructiveHint: true }), "breaking", /^breaking: annotations\.destructiveHint: false → true \(riskier\)$/],
    ["openWorldHint false to true", rich, withHints({ openWorldHint: true }), "breaking", /^breaking: annotations\.openWorldHint: false → true \(riskier\)$/],
    ["idempotentHint true to false", rich, withHints({ idempotentHint: false }), "breaking", /^breaking: annotations\.idempotentHint: true → false \(riskier\)$/],
    ["all annotations dropped", rich, { ...rich, annotations: undefined }, "breaking", /^breaking: annotations\.destructiveHint: false → absent \(riskier\)$/],
    ["readOnlyHint false to true (safer)", withHints({ readOnlyHint: false }), rich, "compatible", /^annotations\.readOnlyHint: false → true$/],
    ["destructiveHint true to false (safer)", withHints({ destructiveHint: true }), rich, "compatible", /^annotations\.destructiveHint: true → false$/],
    ["the annotations' title", rich, withHints({ title: "Say hello" }), "compatible", /^annotations\.title: absent → "Say hello"$/],
  ];
  for (const [label, before, after, classification, line] of cases) {
    test(`${label} is ${classification}`, () => {
      const change = describeHeldChange(before, after);
      assert.equal(change.classification, classification);
      assert.ok(change.changes.some((text) => line.test(text)), change.changes.join(" | "));
    });
  }

  test("shows every fingerprinted field that differs, approved and held", () => {
    const after: UpstreamToolDefinition = {
      title: "Greet (v2)",
      description: "Greets twice.",
      inputSchema: schema({ name: { type: "string" } }),
      outputSchema: { type: "object" },
      annotations: { readOnlyHint: false },
    };
    const change = describeHeldChange(rich, after);
    assert.deepEqual(
      change.fields.map(({ field, before, after: held }) => [field, before, held]),
      [
        ["title", "Greet", "Greet (v2)"],
        ["description", "Greets.", "Greets twice."],
        ["inputSchema", rich.inputSchema, after.inputSchema],
        ["outputSchema", rich.outputSchema, after.outputSchema],
        ["annotations", rich.annotations, after.annotations],
      ],
    );
    // Every key of a definition is fingerprinted, so every key has a diff row.
    assert.deepEqual(change.fields.map((field) => field.field).sort(), Object.keys(after).sort());
    assert.deepEqual(describeHeldChange(rich, { ...rich, description: "Other." }).fields.map((field) => field.field), ["description"]);
  });

  test("a new tool shows every field it defines, with nothing approved", () => {
    const change = describeHeldChange(null, rich);
    assert.deepEqual(change.fields.map((field) => [field.label, field.before]), [["title", undefined], ["description", undefined], ["input schema", undefined], ["output schema", undefined], ["annotations", undefined]]);
  });
});

describe("formatDefinitionValue", () => {
  test("the terminal gets one line per field with an upstream's control characters escaped; the console keeps the text", () => {
    assert.equal(formatDefinitionValue("Greets.\nAlso \u001b[31mred\u009b", "one-line"), "Greets.\\nAlso \\u001b[31mred\\u009b");
    assert.equal(formatDefinitionValue("Greets.\nAlso", "indented"), "Greets.\nAlso");
    assert.equal(formatDefinitionValue({ type: "object" }, "one-line"), '{"type":"object"}');
    assert.equal(formatDefinitionValue({ type: "object" }, "indented"), '{\n  "type": "object"\n}');
    assert.equal(formatDefinitionValue(undefined, "one-line"), "(none)");
  });
});
