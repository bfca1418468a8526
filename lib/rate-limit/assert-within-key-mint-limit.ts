import { HubError } from "@/lib/errors/hub-error";
import { getRateLimiter } from "@/lib/rate-limit/get-rate-limiter";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/policies";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit-headers";
import { recordRateLimitViolation } from "@/lib/rate-limit/record-rate-limit-violation";
import { toRateLimitDecision } from "@/lib/rate-limit/to-rate-limit-decision";

/**
 * Spends one key mint of the user's allowance (RATE_LIMIT_POLICIES.keyMints, shared by the
 * console, its cookie-authenticated API and keys minting keys). Over it: records the violation
 * and throws HubError rate_limited with Retry-After and RateLimit-* headers.
 */
export async function assertWithinKeyMintLimit(user: { id: string }): Promise<void> {
  const policy = RATE_LIMIT_POLICIES.keyMints;
  const decision = toRateLimitDecision(await getRateLimiter().limit(`key_mint:${user.id}`, policy), policy);
  if (decision.allowed) return;
  recordRateLimitViolation({ kind: "key_mint", decision });
  throw new HubError("rate_limited", `Too many new keys: at most ${policy.limit} per ${policy.windowSeconds / 60} minutes. Retry in ${decision.retryAfterSeconds} s.`, { headers: rateLimitHeaders(decision) });
}
