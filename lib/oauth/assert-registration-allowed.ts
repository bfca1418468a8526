import { OAuthError } from "@/lib/oauth/oauth-error";
import { getRateLimiter } from "@/lib/rate-limit/get-rate-limiter";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/policies";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit-headers";
import { recordRateLimitViolation } from "@/lib/rate-limit/record-rate-limit-violation";
import { toRateLimitDecision } from "@/lib/rate-limit/to-rate-limit-decision";

const POLICY = RATE_LIMIT_POLICIES.oauthRegistrations;

/**
 * Spends one RFC 7591 registration of the client address's allowance
 * (RATE_LIMIT_POLICIES.oauthRegistrations): registration is anonymous, so without it anyone
 * could add client rows without end. Over it: records the violation and throws OAuthError
 * temporarily_unavailable as a 429 with Retry-After and RateLimit-* headers, in OAuth's own
 * error shape, which registering clients parse.
 */
export async function assertRegistrationAllowed(ip: string): Promise<void> {
  const decision = toRateLimitDecision(await getRateLimiter().limit(`oauth_register:${ip}`, POLICY), POLICY);
  if (decision.allowed) return;
  recordRateLimitViolation({ kind: "oauth_registration", ip, decision });
  throw new OAuthError("temporarily_unavailable", `Too many client registrations from this address: at most ${POLICY.limit} per ${POLICY.windowSeconds / 60} minutes. Retry in ${decision.retryAfterSeconds} s, or reuse the client_id you registered.`, {
    status: 429,
    headers: rateLimitHeaders(decision),
  });
}
