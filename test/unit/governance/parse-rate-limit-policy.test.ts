import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatRateLimitPolicy } from "@/lib/rate-limit/format-rate-limit-policy";
import { parseRateLimitPolicy } from "@/lib/rate-limit/parse-rate-limit-policy";

describe("parseRateLimitPolicy", () => {
  const valid: [string, number, number][] = [
    ["60/1m", 60, 60],
    ["600/1m", 600, 60],
    ["10/30s", 10, 30],
    ["1000/1h", 1000, 3600],
    ["5/h", 5, 3600],
    [" 7 / 15 S ", 7, 15],
    ["1/1s", 1, 1],
    ["1000000/1d", 1_000_000, 86_400],
  ];
  for (const [text, limit, windowSeconds] of valid) {
    it(`accepts ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseRateLimitPolicy(text), { ok: true, policy: { limit, windowSeconds } });
    });
  }

  const invalid: [string, string][] = [
    ["", 'Invalid rate limit "": expected <calls>/<window>, e.g. 60/1m, 600/1m, 10/30s, 1000/1h'],
    ["60", 'Invalid rate limit "60": expected <calls>/<window>, e.g. 60/1m, 600/1m, 10/30s, 1000/1h'],
    ["60/1w", 'Invalid rate limit "60/1w": expected <calls>/<window>, e.g. 60/1m, 600/1m, 10/30s, 1000/1h'],
    ["-1/1m", 'Invalid rate limit "-1/1m": expected <calls>/<window>, e.g. 60/1m, 600/1m, 10/30s, 1000/1h'],
    ["1.5/1m", 'Invalid rate limit "1.5/1m": expected <calls>/<window>, e.g. 60/1m, 600/1m, 10/30s, 1000/1h'],
    ["0/1m", 'Invalid rate limit "0/1m": calls must be between 1 and 1000000'],
    ["1000001/1m", 'Invalid rate limit "1000001/1m": calls must be between 1 and 1000000'],
    ["10/0s", 'Invalid rate limit "10/0s": window must be between 1s and 1d'],
    ["100/2d", 'Invalid rate limit "100/2d": window must be between 1s and 1d'],
  ];
  for (const [text, message] of invalid) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseRateLimitPolicy(text), { ok: false, message });
    });
  }

  const formatted: [number, number, string][] = [
    [60, 60, "60/1m"],
    [600, 120, "600/2m"],
    [10, 30, "10/30s"],
    [5, 3600, "5/1h"],
    [9, 86_400, "9/1d"],
    [9, 90, "9/90s"],
  ];
  for (const [limit, windowSeconds, text] of formatted) {
    it(`formats ${limit} per ${windowSeconds}s as ${text} and parses it back`, () => {
      assert.equal(formatRateLimitPolicy({ limit, windowSeconds }), text);
      assert.deepEqual(parseRateLimitPolicy(text), { ok: true, policy: { limit, windowSeconds } });
    });
  }
});
