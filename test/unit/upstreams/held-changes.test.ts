import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { describeHeldChange } from "@/lib/upstreams/describe-held-change";
import { fingerprintToolDefinition } from "@/lib/upstreams/fingerprint-tool-definition";
import { toUpstreamToolDefinition } from "@/lib/upstreams/to-upstream-tool-definition";

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
  const cases: Array<[string, typeof base | null, typeof base, "new" | "breaking" | "compatible", RegExp]> = [
    ["a new tool", null, base, "new", /^new tool$/],
    ["a newly required field", base, { ...base, inputSchema: schema({ name: { type: "string" }, cc: { type: "string" } }, ["name", "cc"]) }, "breaking", /breaking: input\.cc: newly required/],
    ["a new optional field", base, { ...base, inputSchema: schema({ name: { type: "string" }, cc: { type: "string" } }, ["name"]) }, "compatible", /input\.cc: property added/],
    ["only the description", base, { ...base, description: "Greets. Also sends your data elsewhere." }, "compatible", /^description changed$/],
  ];
  for (const [label, before, after, classification, line] of cases) {
    test(`${label} is ${classification}`, () => {
      const change = describeHeldChange(before, after);
      assert.equal(change.classification, classification);
      assert.ok(change.changes.some((text) => line.test(text)), change.changes.join(" | "));
    });
  }
});
