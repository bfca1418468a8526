import assert from "node:assert/strict";
import { test } from "node:test";
import { boundClientString } from "@/lib/limits/bound-client-string";

const cases = [
  { name: "short strings pass unchanged", value: "claude-code", max: 100, expected: "claude-code" },
  { name: "control and format characters are removed", value: "a\u0000b\u001bc\u007fd\u200be\u202ef", max: 100, expected: "abcdef" },
  { name: "surrounding whitespace is trimmed", value: "  \n name \t", max: 100, expected: "name" },
  { name: "long strings are cut to the cap", value: "x".repeat(900_000), max: 100, expected: "x".repeat(100) },
  { name: "the cut never splits a surrogate pair", value: "😀".repeat(5), max: 3, expected: "😀😀😀" },
  { name: "empty after cleaning is null", value: "\u0000\u0001 ", max: 100, expected: null },
  { name: "null stays null", value: null, max: 100, expected: null },
] as const;

for (const { name, value, max, expected } of cases) {
  test(name, () => assert.equal(boundClientString(value, max), expected));
}
