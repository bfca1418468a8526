import assert from "node:assert/strict";
import { test } from "node:test";
import { parseExpiry } from "@/lib/api-keys/parse-expiry";

const NOW = new Date("2026-01-01T00:00:00Z");

for (const [text, expected] of [
  ["30d", "2026-01-31T00:00:00.000Z"],
  ["12h", "2026-01-01T12:00:00.000Z"],
  ["90m", "2026-01-01T01:30:00.000Z"],
  ["2w", "2026-01-15T00:00:00.000Z"],
  [" 1D ", "2026-01-02T00:00:00.000Z"],
] as const) {
  test(`parseExpiry("${text}")`, () => {
    const result = parseExpiry(text, NOW);
    assert.deepEqual(result, { ok: true, expiresAt: new Date(expected) });
  });
}

for (const text of ["", "30", "d", "0d", "-1d", "1.5d", "30 days", "1y"]) {
  test(`parseExpiry refuses "${text}"`, () => {
    assert.deepEqual(parseExpiry(text, NOW), {
      ok: false,
      message: `Invalid expiry "${text}": expected a positive duration such as 30d, 12h, 90m or 2w`,
    });
  });
}

test("parseExpiry refuses more than ten years", () => {
  assert.deepEqual(parseExpiry("3651d", NOW), { ok: false, message: 'Invalid expiry "3651d": at most 3650d' });
});
