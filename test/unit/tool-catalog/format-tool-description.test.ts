import assert from "node:assert/strict";
import { test } from "node:test";
import { checkSunsetDate } from "@/lib/tool-catalog/check-sunset-date";
import { formatToolDescription } from "@/lib/tool-catalog/format-tool-description";
import { toDeprecationMeta } from "@/lib/tool-catalog/to-deprecation-meta";

const deprecatedAt = new Date("2026-11-01T09:00:00Z");
const sunsetAt = new Date("2027-06-30T00:00:00Z");

test("the description carries replacement, message and sunset (with year and zone)", () => {
  assert.equal(formatToolDescription("Runs tests.", { deprecatedAt, replacement: "run_tests_v2", deprecationMessage: "The new version takes a timeout.", sunsetAt }), "[DEPRECATED: Use run_tests_v2] The new version takes a timeout. Stops working at 30 Jun 2027, 00:00 UTC. Runs tests.");
  assert.equal(formatToolDescription("Runs tests.", { deprecatedAt, replacement: null, deprecationMessage: null, sunsetAt: null }), "[DEPRECATED] Runs tests.");
  assert.equal(formatToolDescription("Runs tests.", { deprecatedAt: null, replacement: "x", deprecationMessage: "m", sunsetAt }), "Runs tests.");
});
test("_meta names the deprecation for clients, nothing for a live tool", () => {
  assert.deepEqual(toDeprecationMeta({ deprecatedAt, replacement: "run_tests_v2", deprecationMessage: null, sunsetAt }), {
    "switchboard.dev/deprecation": { deprecatedAt: "2026-11-01T09:00:00.000Z", replacement: "run_tests_v2", sunset: "2027-06-30T00:00:00.000Z", message: null },
  });
  assert.equal(toDeprecationMeta({ deprecatedAt: null, replacement: null, deprecationMessage: null, sunsetAt: null }), undefined);
});
test("a sunset must be in the future; now itself is too late", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  assert.deepEqual(checkSunsetDate(new Date("2026-12-02T00:00:00Z"), now), { ok: true });
  assert.deepEqual(checkSunsetDate(now, now), { ok: false, message: "The sunset 1 Dec 2026, 10:00 UTC is not in the future: pick a later date, or disable it to withdraw it now." });
  assert.equal(checkSunsetDate(new Date("2026-12-01T00:00:00Z"), now).ok, false, "today's date (00:00 UTC) has passed");
});
