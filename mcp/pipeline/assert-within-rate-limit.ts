import type { Principal } from "@/lib/api-keys/principal";
import { recordToolCall, type ToolCallRecord } from "@/lib/call-log/record-tool-call";
import { HubError } from "@/lib/errors/hub-error";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit-headers";
import { recordRateLimitViolation } from "@/lib/rate-limit/record-rate-limit-violation";

/** The requests charged one token each against the key's call limit. */
export type ChargedMethod = "tools/call" | "resources/read" | "prompts/get";
export const CHARGED_METHODS: ReadonlySet<string> = new Set<ChargedMethod>(["tools/call", "resources/read", "prompts/get"]);

/** One charged request of a POST: its method, the tool or prompt name or resource URI, its size. */
export interface ChargedCall {
  method: ChargedMethod;
  name: string;
  requestBytes: number;
}

/**
 * Per-key limit on POSTs that carry charged calls (tools/call, resources/read, prompts/get), one
 * token per call. Within the limit: returns the RateLimit-* headers for the answer. Over it:
 * records the violation and one call-log row (status rate_limited) per refused tools/call (reads
 * of resources and prompts have no call log), then throws HubError rate_limited carrying
 * Retry-After and RateLimit-* headers.
 */
export async function assertWithinRateLimit(context: {
  principal: Principal;
  sessionId: string | null;
  transport: ToolCallRecord["transport"];
  client: { name: string; version: string } | undefined;
  calls: readonly ChargedCall[];
}): Promise<{ rateLimitHeaders: Record<string, string> }> {
  // One token per charged call, so a JSON-RPC batch cannot carry more calls than the budget holds;
  // the first refusal refuses the whole POST.
  let decision = await checkRateLimit(context.principal);
  for (let index = 1; index < context.calls.length && decision.allowed; index++) decision = await checkRateLimit(context.principal);
  const headers = rateLimitHeaders(decision);
  if (decision.allowed) return { rateLimitHeaders: headers };
  recordRateLimitViolation({ kind: "key", principal: context.principal, decision });
  const at = new Date();
  const toolCalls = context.calls.filter((call) => call.method === "tools/call");
  await Promise.all(
    toolCalls.map((call) =>
      recordToolCall({
        at,
        principal: context.principal,
        sessionId: context.sessionId,
        transport: context.transport,
        clientName: context.client?.name ?? null,
        clientVersion: context.client?.version ?? null,
        toolName: call.name,
        toolVersion: null,
        status: "rate_limited",
        durationMs: 0,
        requestBytes: call.requestBytes,
        resultBytes: 0,
        errorCode: "rate_limited",
      }),
    ),
  );
  throw new HubError("rate_limited", `Rate limit exceeded: ${decision.limit} tool calls per ${decision.windowSeconds} s. Retry in ${decision.retryAfterSeconds} s.`, { headers });
}
