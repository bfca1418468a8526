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
 * Whose sliding window a principal's calls count in. A key on its role's policy shares one
 * budget with every such key of its user (minting more keys buys no more calls); a key with its
 * own limit (set by an operator, or inherited from the key that minted it) has that budget, shared
 * by its whole line (budgetKeyId: a child draws on its parent's).
 */
function rateBudgetId(principal: Principal): string {
  return principal.rateLimitPolicy ? `key:${principal.budgetKeyId ?? principal.keyId}` : `user:${principal.userId}`;
}

/**
 * Consumes one tools/call from the principal's budget (rateBudgetId: per user on the role
 * policy, per key line with a key's own limit) and says whether it is allowed. Does not throw for a refusal: the caller answers 429 with
 * rateLimitHeaders(decision) and calls recordRateLimitViolation. Throws HubError rate_limited only
 * when the shared backend is down and SWITCHBOARD_RATE_LIMIT_FAILURE_MODE=closed.
 */
export async function checkRateLimit(principal: Principal): Promise<RateLimitDecision> {
  const policy = await resolveRateLimitPolicy(principal);
  const result = await getRateLimiter().limit(rateBudgetId(principal), policy);
  return toRateLimitDecision(result, policy);
}
