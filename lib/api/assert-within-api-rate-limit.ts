import type { Principal } from "@/lib/api-keys/principal";
import { HubError } from "@/lib/errors/hub-error";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit-headers";
import { recordRateLimitViolation } from "@/lib/rate-limit/record-rate-limit-violation";

/**
 * Spends one request of the key's budget (the same sliding window as its MCP tool calls, so a
 * script cannot sidestep its limit through the API). Within the limit: the RateLimit-* headers
 * for the answer. Over it: records the violation and throws HubError rate_limited carrying
 * Retry-After and RateLimit-* headers.
 */
export async function assertWithinApiRateLimit(principal: Principal): Promise<Record<string, string>> {
  const decision = await checkRateLimit(principal);
  const headers = rateLimitHeaders(decision);
  if (decision.allowed) return headers;
  recordRateLimitViolation({ kind: "key", principal, decision });
  throw new HubError("rate_limited", `Rate limit exceeded: ${decision.limit} requests per ${decision.windowSeconds} s. Retry in ${decision.retryAfterSeconds} s.`, { headers });
}
