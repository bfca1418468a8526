import type { RateLimitPolicy } from "@/lib/rate-limit/policies";
import type { LimitResult, SlidingWindowLimiter } from "@/lib/rate-limit/sliding-window-limiter";

interface WindowCounts {
  windowIndex: number;
  current: number;
  previous: number;
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * An in-process sliding window with the same arithmetic as @upstash/ratelimit's slidingWindow, so
 * limits behave the same whichever backend answers. Correct for a single instance only (and as
 * the fail-open fallback while Redis is down). `now` is injectable for tests.
 */
export function createMemorySlidingWindowLimiter(now: () => number = Date.now): SlidingWindowLimiter {
  const counts = new Map<string, WindowCounts>();
  let lastSweep = now();

  function sweep(at: number): void {
    // Entries idle for two windows carry no weight any more; drop them so memory stays bounded.
    for (const [key, entry] of counts) {
      const windowMs = Number(key.slice(0, key.indexOf("|")));
      if (Math.floor(at / windowMs) - entry.windowIndex >= 2) counts.delete(key);
    }
    lastSweep = at;
  }

  function evaluate(identifier: string, policy: RateLimitPolicy, consume: boolean): LimitResult {
    const at = now();
    if (at - lastSweep > SWEEP_INTERVAL_MS) sweep(at);
    const windowMs = policy.windowSeconds * 1000;
    const windowIndex = Math.floor(at / windowMs);
    const key = `${windowMs}|${identifier}`;
    let entry = counts.get(key);
    if (!entry || entry.windowIndex < windowIndex) {
      const previous = entry && entry.windowIndex === windowIndex - 1 ? entry.current : 0;
      entry = { windowIndex, current: 0, previous };
      if (consume) counts.set(key, entry);
    }
    const weightedPrevious = Math.floor((1 - (at % windowMs) / windowMs) * entry.previous);
    const reset = (windowIndex + 1) * windowMs;
    const used = weightedPrevious + entry.current;
    if (!consume) return { success: used < policy.limit, limit: policy.limit, remaining: Math.max(0, policy.limit - used), reset };
    if (used >= policy.limit) return { success: false, limit: policy.limit, remaining: 0, reset };
    entry.current += 1;
    return { success: true, limit: policy.limit, remaining: Math.max(0, policy.limit - used - 1), reset };
  }

  return {
    backend: "memory",
    limit: async (identifier, policy) => evaluate(identifier, policy, true),
    peek: async (identifier, policy) => evaluate(identifier, policy, false),
  };
}
