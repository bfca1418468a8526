import { RATE_LIMIT_POLICY_BOUNDS, type RateLimitPolicy } from "@/lib/rate-limit/policies";

const WINDOW_UNIT_SECONDS = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;

const POLICY_PATTERN = /^(\d+)\s*\/\s*(\d*)\s*(s|m|h|d)$/;

/**
 * Parses a policy such as "600/1m", "10/30s", "1000/h" (count / [number]unit; units s, m, h, d).
 * Pure; the message says what is wrong and what a valid value looks like.
 */
export function parseRateLimitPolicy(text: string): { ok: true; policy: RateLimitPolicy } | { ok: false; message: string } {
  const match = POLICY_PATTERN.exec(text.trim().toLowerCase());
  if (!match) {
    return { ok: false, message: `Invalid rate limit "${text}": expected <calls>/<window>, e.g. 60/1m, 600/1m, 10/30s, 1000/1h` };
  }
  const limit = Number(match[1]);
  const windowCount = match[2] === "" ? 1 : Number(match[2]);
  const windowSeconds = windowCount * WINDOW_UNIT_SECONDS[match[3] as keyof typeof WINDOW_UNIT_SECONDS];
  const bounds = RATE_LIMIT_POLICY_BOUNDS;
  if (limit < bounds.minLimit || limit > bounds.maxLimit) {
    return { ok: false, message: `Invalid rate limit "${text}": calls must be between ${bounds.minLimit} and ${bounds.maxLimit}` };
  }
  if (windowSeconds < bounds.minWindowSeconds || windowSeconds > bounds.maxWindowSeconds) {
    return { ok: false, message: `Invalid rate limit "${text}": window must be between 1s and 1d` };
  }
  return { ok: true, policy: { limit, windowSeconds } };
}
