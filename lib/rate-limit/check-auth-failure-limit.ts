import { HubError } from "@/lib/errors/hub-error";
import { getRateLimiter } from "@/lib/rate-limit/get-rate-limiter";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/policies";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit-headers";
import { recordRateLimitViolation } from "@/lib/rate-limit/record-rate-limit-violation";
import { toRateLimitDecision } from "@/lib/rate-limit/to-rate-limit-decision";

const POLICY = RATE_LIMIT_POLICIES.authFailures;

/**
 * Refuses an authentication attempt from an IP that failed too often recently (sliding window,
 * RATE_LIMIT_POLICIES.authFailures). Does not consume: only failures count (noteAuthFailure).
 * Throws HubError rate_limited with RateLimit-* and Retry-After headers, and records the violation.
 */
export async function assertAuthAttemptAllowed(ip: string): Promise<void> {
  const result = await getRateLimiter().peek(`authfail:${ip}`, POLICY);
  if (result.success) return;
  const decision = toRateLimitDecision(result, POLICY);
  recordRateLimitViolation({ kind: "auth_failure", ip, decision });
  throw new HubError("rate_limited", `Too many failed authentication attempts; retry in ${decision.retryAfterSeconds} s`, {
    headers: rateLimitHeaders(decision),
  });
}

/** Counts one failed authentication for an IP (call after resolvePrincipal throws unauthorized). */
export async function noteAuthFailure(ip: string): Promise<void> {
  await getRateLimiter().limit(`authfail:${ip}`, POLICY);
}
