import type { Principal } from "@/lib/api-keys/principal";
import type { CallKind } from "@/lib/generated/prisma/enums";
import { recordToolCall, type ToolCallRecord } from "@/lib/call-log/record-tool-call";
import { HubError } from "@/lib/errors/hub-error";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit-headers";
import { recordRateLimitViolation } from "@/lib/rate-limit/record-rate-limit-violation";
import { callRecordCaller } from "./call-record-caller";

/** The requests charged one token each against the key's call limit, and the kind of call-log row each is. */
const CALL_KIND_OF = { "tools/call": "tool", "resources/read": "resource", "prompts/get": "prompt" } as const satisfies Record<string, CallKind>;
export type ChargedMethod = keyof typeof CALL_KIND_OF;
export const CHARGED_METHODS: ReadonlySet<string> = new Set(Object.keys(CALL_KIND_OF));

/** One charged request of a POST: its method, the tool or prompt name or resource URI, its size. */
export interface ChargedCall {
  method: ChargedMethod;
  name: string;
  requestBytes: number;
}

/**
 * Per-key limit on POSTs that carry charged calls (tools/call, resources/read, prompts/get), one
 * token per call. Within the limit: returns the RateLimit-* headers for the answer. Over it:
 * records the violation and one call-log row (status rate_limited) per refused call, of its kind
 * (tool, resource or prompt), then throws HubError rate_limited carrying
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
  await Promise.all(
    context.calls.map((call) =>
      recordToolCall({
        at,
        kind: CALL_KIND_OF[call.method],
        ...callRecordCaller({ ...context, requestBytes: call.requestBytes, traceParent: null }),
        toolName: call.name,
        toolVersion: null,
        status: "rate_limited",
        durationMs: 0,
        resultBytes: 0,
        errorCode: "rate_limited",
      }),
    ),
  );
  throw new HubError("rate_limited", `Rate limit exceeded: ${decision.limit} tool calls per ${decision.windowSeconds} s. Retry in ${decision.retryAfterSeconds} s.`, { headers });
}
