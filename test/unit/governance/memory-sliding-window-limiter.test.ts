import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRateLimitDecision } from "@/lib/rate-limit/to-rate-limit-decision";
import { createMemorySlidingWindowLimiter } from "@/lib/rate-limit/create-memory-sliding-window-limiter";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit-headers";
import { stripLuaShebang } from "@/lib/redis/strip-lua-shebang";

const POLICY = { limit: 3, windowSeconds: 10 };

describe("in-process sliding window", () => {
  it("allows `limit` calls per window, then refuses until the window slides", async () => {
    let now = 1_000_000_000_000; // window-aligned (multiple of 10 000 ms)
    const limiter = createMemorySlidingWindowLimiter(() => now);
    const answers = [];
    for (let index = 0; index < 4; index += 1) answers.push(await limiter.limit("k", POLICY));
    assert.deepEqual(answers.map((a) => [a.success, a.remaining]), [[true, 2], [true, 1], [true, 0], [false, 0]]);
    assert.equal(answers[3].reset, now + 10_000);
    // Half-way into the next window, half of the previous window's 3 calls still count (floor 1.5 = 1).
    now += 15_000;
    assert.deepEqual([(await limiter.limit("k", POLICY)).success, (await limiter.limit("k", POLICY)).success, (await limiter.limit("k", POLICY)).success], [true, true, false]);
    // Two windows later the old calls no longer weigh anything.
    now += 20_000;
    assert.equal((await limiter.limit("k", POLICY)).remaining, 2);
  });

  it("keeps identifiers apart and peek never consumes", async () => {
    const now = 2_000_000_000_000;
    const limiter = createMemorySlidingWindowLimiter(() => now);
    for (let index = 0; index < 3; index += 1) await limiter.limit("a", POLICY);
    assert.equal((await limiter.peek("a", POLICY)).success, false);
    for (let index = 0; index < 5; index += 1) assert.deepEqual(await limiter.peek("b", POLICY), { success: true, limit: 3, remaining: 3, reset: now + 10_000 });
    assert.equal((await limiter.limit("b", POLICY)).remaining, 2);
  });
});

describe("rateLimitHeaders", () => {
  const now = 1_700_000_000_000;
  const cases = [
    {
      name: "allowed: no Retry-After",
      result: { success: true, limit: 60, remaining: 59, reset: now + 30_000 },
      expected: { "RateLimit-Limit": "60", "RateLimit-Remaining": "59", "RateLimit-Reset": "30" },
    },
    {
      name: "refused: Retry-After in whole seconds, rounded up",
      result: { success: false, limit: 60, remaining: 0, reset: now + 12_300 },
      expected: { "RateLimit-Limit": "60", "RateLimit-Remaining": "0", "RateLimit-Reset": "13", "Retry-After": "13" },
    },
    {
      name: "refused at the very end of a window: Retry-After at least 1",
      result: { success: false, limit: 5, remaining: 0, reset: now },
      expected: { "RateLimit-Limit": "5", "RateLimit-Remaining": "0", "RateLimit-Reset": "0", "Retry-After": "1" },
    },
  ];
  for (const { name, result, expected } of cases) {
    it(name, () => {
      const decision = toRateLimitDecision(result, { limit: result.limit, windowSeconds: 60 }, now);
      assert.deepEqual(rateLimitHeaders(decision, now), expected);
    });
  }
});

describe("stripLuaShebang", () => {
  it("removes a leading #!lua line only", () => {
    assert.equal(stripLuaShebang("#!lua flags=allow-key-locking\n  return 1\n"), "  return 1\n");
    assert.equal(stripLuaShebang("return 1"), "return 1");
    assert.equal(stripLuaShebang("return 1\n#!lua\n"), "return 1\n#!lua\n");
  });
});
