import type { Principal } from "@/lib/api-keys/principal";
import type { CallKind } from "@/lib/generated/prisma/enums";
import { enqueueCallLog } from "@/lib/call-log/call-log-writer";
import { MAX_CLIENT_INFO_CHARS, MAX_TOOL_NAME_CHARS, boundClientString } from "@/lib/limits/bound-client-string";
import { logger } from "@/lib/log/logger";
import { boundLabelValue } from "@/lib/metrics/bound-label-value";
import { getMetrics } from "@/lib/metrics/get-metrics";

/**
 * Everything known about one charged call once it has been answered: a tools/call, or a
 * resources/read or prompts/get forwarded to an upstream server. Never argument values.
 */
export interface ToolCallRecord {
  at: Date;
  /** Absent: a tool call. For a resource, toolName is its hub URI; for a prompt, SERVER__PROMPT. */
  kind?: CallKind;
  principal: Principal;
  sessionId: string | null;
  transport: "sse" | "streamable";
  clientName: string | null;
  clientVersion: string | null;
  toolName: string;
  toolVersion: string | null;
  status: "ok" | "error" | "denied" | "rate_limited" | "invalid";
  durationMs: number;
  requestBytes: number;
  resultBytes: number;
  errorCode: string | null;
  /** W3C traceparent from the request's _meta (validated by the caller); absent or null: none. */
  traceParent?: string | null;
}

/** The log line's event and message per kind and outcome. */
const LOG_EVENTS = {
  tool: { ok: ["tool_call_success", "tool call succeeded"], failed: ["tool_call_error", "tool call failed"] },
  resource: { ok: ["resource_read_success", "resource read succeeded"], failed: ["resource_read_error", "resource read failed"] },
  prompt: { ok: ["prompt_get_success", "prompt get succeeded"], failed: ["prompt_get_error", "prompt get failed"] },
} as const satisfies Record<CallKind, Record<"ok" | "failed", readonly [string, string]>>;

/**
 * Records an answered charged call: one structured log line (tool_call_success or
 * tool_call_error, resource_read_… or prompt_get_… for the other kinds: tool, user id, key prefix,
 * client, duration, sizes, status, error code — no secrets, no arguments), for tool calls metrics
 * (duration histogram, errors, requests per client/key; reads and prompts are timed per server by
 * recordUpstreamRequest where they are forwarded), and a CallLog row queued for the batched writer. Resolves at once unless the writer's buffer is full
 * (backpressure). Never throws. Client-supplied strings (client name and version, the tool name a
 * client asked for) are bounded first, and open-ended metric labels capped (boundLabelValue).
 */
export async function recordToolCall(unbounded: ToolCallRecord): Promise<void> {
  const record: ToolCallRecord = {
    ...unbounded,
    clientName: boundClientString(unbounded.clientName, MAX_CLIENT_INFO_CHARS),
    clientVersion: boundClientString(unbounded.clientVersion, MAX_CLIENT_INFO_CHARS),
    toolName: boundClientString(unbounded.toolName, MAX_TOOL_NAME_CHARS) ?? "(unnamed)",
  };
  const { principal } = record;
  const kind = record.kind ?? "tool";
  // A clock step or a caller bug must not turn into a metrics exception on the hot path.
  const durationMs = Number.isFinite(record.durationMs) && record.durationMs > 0 ? record.durationMs : 0;
  const ok = record.status === "ok";
  const errorCode = ok ? null : (record.errorCode ?? record.status);
  if (kind === "tool") {
    const metrics = getMetrics();
    const seen = metrics.labelValuesSeen;
    const tool = boundLabelValue(seen, "tool", record.toolName);
    metrics.toolCallDuration.observe({ tool, status: record.status }, durationMs / 1000);
    metrics.requestsByClient.inc({ client: boundLabelValue(seen, "client", record.clientName ?? "unknown"), key_prefix: boundLabelValue(seen, "key_prefix", principal.keyPrefix) });
    if (!ok) metrics.toolCallErrors.inc({ tool, code: errorCode ?? record.status });
  }
  // The line's object is built only when it is written (a hub at LOG_LEVEL=warn skips it per call).
  if (logger.isLevelEnabled("info")) {
    const [event, message] = LOG_EVENTS[kind][ok ? "ok" : "failed"];
    logger.info(
      {
        event,
        kind,
        tool: record.toolName,
        toolVersion: record.toolVersion,
        userId: principal.userId,
        keyPrefix: principal.keyPrefix,
        sessionId: record.sessionId,
        transport: record.transport,
        client: record.clientName,
        clientVersion: record.clientVersion,
        status: record.status,
        durationMs: Math.round(durationMs * 1000) / 1000,
        requestBytes: record.requestBytes,
        resultBytes: record.resultBytes,
        errorCode,
        traceParent: record.traceParent ?? null,
      },
      message,
    );
  }
  await enqueueCallLog({
    at: record.at,
    kind,
    userId: principal.userId,
    apiKeyId: principal.keyId,
    keyPrefix: principal.keyPrefix,
    sessionId: record.sessionId,
    transport: record.transport,
    clientName: record.clientName,
    clientVersion: record.clientVersion,
    toolName: record.toolName,
    toolVersion: record.toolVersion,
    status: record.status,
    durationMs,
    requestBytes: record.requestBytes,
    resultBytes: record.resultBytes,
    errorCode,
    traceParent: record.traceParent ?? null,
  });
}
