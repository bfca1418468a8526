import type { Principal } from "@/lib/api-keys/principal";
import type { RateLimitDecision } from "@/lib/rate-limit/check-rate-limit";
import { createMemorySlidingWindowLimiter } from "@/lib/rate-limit/create-memory-sliding-window-limiter";
import { RATE_LIMIT_POLICIES, RATE_LIMIT_POLICY_BOUNDS, type RateLimitPolicy } from "@/lib/rate-limit/policies";
import { resolveRateLimitPolicy } from "@/lib/rate-limit/resolve-rate-limit-policy";
import type { SlidingWindowLimiter } from "@/lib/rate-limit/sliding-window-limiter";
import { toRateLimitDecision } from "@/lib/rate-limit/to-rate-limit-decision";

const globalForBudget = globalThis as unknown as { switchboardRequestBudget?: SlidingWindowLimiter };

/**
 * The request budget for a key whose tools/call limit is `toolCalls`: every MCP request counts
 * (tools/list, ping, initialize, stream GETs), at RATE_LIMIT_POLICIES.requests' multiple of the
 * tool-call limit and never below its floor, in the same window. Pure.
 */
export function requestBudgetPolicy(toolCalls: RateLimitPolicy): RateLimitPolicy {
  const { perToolCall, minimum } = RATE_LIMIT_POLICIES.requests;
  return { limit: Math.min(RATE_LIMIT_POLICY_BOUNDS.maxLimit * perToolCall, Math.max(minimum, toolCalls.limit * perToolCall)), windowSeconds: toolCalls.windowSeconds };
}

/**
 * Consumes one MCP request from the key's request budget (requestBudgetPolicy) and says whether
 * it is allowed. In process on purpose: it guards this instance's memory and CPU against a flood
 * of cheap requests, costs no Redis round trip, and a key's budget on each instance is generous.
 * A key minted by a key draws on its root's budget (budgetKeyId).
 */
export async function checkRequestBudget(principal: Principal): Promise<RateLimitDecision> {
  const policy = requestBudgetPolicy(await resolveRateLimitPolicy(principal));
  const limiter = (globalForBudget.switchboardRequestBudget ??= createMemorySlidingWindowLimiter());
  return toRateLimitDecision(await limiter.limit(`requests:${principal.budgetKeyId ?? principal.keyId}`, policy), policy);
}
