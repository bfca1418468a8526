import { HubError } from "@/lib/errors/hub-error";
import { getRateLimiter } from "@/lib/rate-limit/get-rate-limiter";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/policies";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit-headers";
import { recordRateLimitViolation } from "@/lib/rate-limit/record-rate-limit-violation";
import { toRateLimitDecision } from "@/lib/rate-limit/to-rate-limit-decision";

const POLICY = RATE_LIMIT_POLICIES.authFailures;

/**
 * Counts one refused credential against `subject` (an IP for unknown or malformed keys, `key:…`
 * for a known key that is revoked, expired or whose owner is disabled) within
 * RATE_LIMIT_POLICIES.authFailures, and throws HubError rate_limited (Retry-After, RateLimit-*)
 * once the subject is over budget. When the limiter itself cannot answer, the refusal stays a
 * plain 401: a failed count must not turn it into a 5xx.
 */
export async function chargeAuthFailure(subject: string, ip: string): Promise<void> {
  const result = await getRateLimiter()
    .limit(`authfail:${subject}`, POLICY)
    .catch(() => null);
  if (!result || result.success) return;
  const decision = toRateLimitDecision(result, POLICY);
  recordRateLimitViolation({ kind: "auth_failure", ip, decision });
  throw new HubError("rate_limited", `Too many failed authentication attempts; retry in ${decision.retryAfterSeconds} s`, { headers: rateLimitHeaders(decision) });
}
