import type { Principal } from "@/lib/api-keys/principal";
import { HubError } from "@/lib/errors/hub-error";
import { checkRequestBudget } from "@/lib/rate-limit/check-request-budget";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit-headers";
import { recordRateLimitViolation } from "@/lib/rate-limit/record-rate-limit-violation";

/**
 * Charges one MCP request to the key's request budget (checkRequestBudget); over it, records the
 * violation (kind requests) and throws HubError rate_limited with Retry-After and RateLimit-*.
 */
export async function assertWithinRequestBudget(principal: Principal): Promise<void> {
  const decision = await checkRequestBudget(principal);
  if (decision.allowed) return;
  recordRateLimitViolation({ kind: "requests", principal, decision });
  throw new HubError("rate_limited", `Request budget exceeded: ${decision.limit} MCP requests per ${decision.windowSeconds} s for this key. Retry in ${decision.retryAfterSeconds} s.`, { headers: rateLimitHeaders(decision) });
}
