import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LATENCY_BUCKET_BOUNDS_MS, latencyBucketIndex } from "@/lib/call-log/latency-buckets";
import { percentileFromHistogram } from "@/lib/call-log/percentile-from-histogram";

const BOUNDS = [10, 100, 1000];

describe("percentileFromHistogram", () => {
  const cases: { name: string; buckets: number[]; q: number; maxMs: number; expected: number | null }[] = [
    { name: "empty histogram", buckets: [0, 0, 0, 0], q: 0.5, maxMs: 0, expected: null },
    { name: "median inside first bucket interpolates from 0", buckets: [10, 0, 0, 0], q: 0.5, maxMs: 10, expected: 5 },
    { name: "all in one bucket, p100 is its upper bound", buckets: [0, 4, 0, 0], q: 1, maxMs: 100, expected: 100 },
    { name: "capped by the observed maximum", buckets: [0, 4, 0, 0], q: 1, maxMs: 40, expected: 40 },
    { name: "rank on a bucket edge takes that bucket's upper bound", buckets: [5, 5, 0, 0], q: 0.5, maxMs: 100, expected: 10 },
    { name: "p95 in the second bucket", buckets: [50, 50, 0, 0], q: 0.95, maxMs: 100, expected: 10 + 90 * (45 / 50) },
    { name: "p99 in the third bucket", buckets: [90, 9, 1, 0], q: 0.99, maxMs: 1000, expected: 100 },
    { name: "overflow bucket runs to the maximum", buckets: [0, 0, 0, 2], q: 0.5, maxMs: 3000, expected: 1000 + 2000 * 0.5 },
    { name: "empty leading buckets are skipped", buckets: [0, 0, 10, 0], q: 0.1, maxMs: 1000, expected: 100 + 900 * 0.1 },
  ];
  for (const { name, buckets, q, maxMs, expected } of cases) {
    it(name, () => {
      const actual = percentileFromHistogram(buckets, q, maxMs, BOUNDS);
      if (expected === null) assert.equal(actual, null);
      else assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `expected ${expected}, got ${actual}`);
    });
  }

  it("refuses a quantile outside (0, 1]", () => {
    assert.throws(() => percentileFromHistogram([1], 0, 1, BOUNDS), RangeError);
    assert.throws(() => percentileFromHistogram([1], 1.5, 1, BOUNDS), RangeError);
  });

  it("agrees with exact percentiles within one bucket's width on the real bounds", () => {
    const samples = Array.from({ length: 1000 }, (_, index) => (index * 7919) % 3000);
    const buckets = new Array(LATENCY_BUCKET_BOUNDS_MS.length + 1).fill(0);
    for (const sample of samples) buckets[latencyBucketIndex(sample)] += 1;
    const sorted = [...samples].sort((a, b) => a - b);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = sorted[Math.ceil(q * sorted.length) - 1];
      const estimate = percentileFromHistogram(buckets, q, Math.max(...samples))!;
      const index = latencyBucketIndex(exact);
      const lower = index === 0 ? 0 : LATENCY_BUCKET_BOUNDS_MS[index - 1];
      assert.ok(estimate >= lower && estimate <= LATENCY_BUCKET_BOUNDS_MS[index], `p${q * 100}: exact ${exact}, estimate ${estimate}`);
    }
  });
});

describe("latencyBucketIndex", () => {
  const cases: [number, number][] = [[0, 0], [1, 0], [1.01, 1], [2, 1], [100, 6], [100.5, 7], [60_000, 14], [60_001, 15]];
  for (const [ms, index] of cases) it(`${ms} ms → bucket ${index}`, () => assert.equal(latencyBucketIndex(ms), index));
});
