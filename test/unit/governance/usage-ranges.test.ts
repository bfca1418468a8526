import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { selectRollupSource } from "@/lib/usage/select-rollup-source";
import { parseUsageRange } from "@/lib/usage/parse-usage-range";
import { usageWindow, type UsageRange } from "@/lib/usage/usage-ranges";

const now = new Date("2026-11-24T10:37:42.000Z");

describe("usage ranges", () => {
  const windows: [UsageRange, string, number][] = [
    ["1h", "2026-11-24T09:37:42.000Z", 60],
    ["24h", "2026-11-23T10:37:42.000Z", 900],
    // Hour-charted ranges start on the hour: older rollups are kept per hour.
    ["7d", "2026-11-17T10:00:00.000Z", 3600],
    ["30d", "2026-10-25T10:00:00.000Z", 21_600],
  ];
  for (const [range, from, bucketSeconds] of windows) {
    it(`${range}: from ${from}, ${bucketSeconds} s buckets`, () => {
      assert.deepEqual(usageWindow({ range, now }), { from: new Date(from), to: now, bucketSeconds });
    });
  }

  const parses: [string | null, ReturnType<typeof parseUsageRange>][] = [
    ["24h", { ok: true, range: "24h" }],
    ["2h", { ok: false, message: 'Invalid range "2h": expected one of 1h, 24h, 7d, 30d' }],
    ["toString", { ok: false, message: 'Invalid range "toString": expected one of 1h, 24h, 7d, 30d' }],
    [null, { ok: false, message: 'Invalid range "": expected one of 1h, 24h, 7d, 30d' }],
  ];
  for (const [text, expected] of parses) it(`parses ${JSON.stringify(text)}`, () => assert.deepEqual(parseUsageRange(text), expected));

  const sources: [UsageRange, string | null, string][] = [
    ["1h", null, '"CallRollup"'],
    ["24h", null, '"CallRollup"'],
    ["7d", null, '"CallRollupHourly"'],
    ["30d", null, '"CallRollupHourly"'],
    ["30d", "00000000-0000-4000-8000-000000000001", '"CallRollup"'],
  ];
  for (const [range, userId, table] of sources) {
    it(`${range} ${userId ? "for one user" : "for everyone"} reads ${table}`, () => assert.equal(selectRollupSource({ range, userId }, "$3").table, table));
  }
});
