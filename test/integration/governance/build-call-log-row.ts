import type { CallLogRow } from "@/lib/call-log/call-log-writer";

/** A CallLog row for seeding: an ok echo-like call at `at` by the given user and key, with overrides. */
export function buildCallLogRow(base: { at: Date; userId: string; apiKeyId: string; keyPrefix: string; toolName: string }, overrides: Partial<CallLogRow> = {}): CallLogRow {
  return {
    kind: "tool", sessionId: null, transport: "streamable", clientName: "claude-code", clientVersion: "2.0", toolVersion: "1", status: "ok",
    durationMs: 1, requestBytes: 1, resultBytes: 1, errorCode: null, traceParent: null, ...base, ...overrides,
  };
}
