import type { RateLimitDecision } from "@/lib/rate-limit/check-rate-limit";

/**
 * Response headers for a decision: RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (seconds
 * until the window resets, per the IETF draft), plus Retry-After (seconds) when refused.
 */
export function rateLimitHeaders(decision: RateLimitDecision, now: number = Date.now()): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(Math.max(0, Math.ceil((decision.resetAt - now) / 1000))),
  };
  if (!decision.allowed) headers["Retry-After"] = String(Math.max(1, decision.retryAfterSeconds));
  return headers;
}
