import type { Principal } from "@/lib/api-keys/principal";
import { getRateLimiter } from "@/lib/rate-limit/get-rate-limiter";
import { resolveRateLimitPolicy } from "@/lib/rate-limit/resolve-rate-limit-policy";
import { toRateLimitDecision } from "@/lib/rate-limit/to-rate-limit-decision";

/** A rate-limit answer with everything the response headers need. `resetAt` is epoch ms. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: number;
  retryAfterSeconds: number;
  windowSeconds: number;
}

/**
 * Consumes one tools/call from the principal's key budget (sliding window per API key) and says
 * whether it is allowed. Does not throw for a refusal: the caller answers 429 with
 * rateLimitHeaders(decision) and calls recordRateLimitViolation. Throws HubError rate_limited only
 * when the shared backend is down and SWITCHBOARD_RATE_LIMIT_FAILURE_MODE=closed.
 */
export async function checkRateLimit(principal: Principal): Promise<RateLimitDecision> {
  const policy = await resolveRateLimitPolicy(principal);
  const result = await getRateLimiter().limit(`key:${principal.keyId}`, policy);
  return toRateLimitDecision(result, policy);
}
