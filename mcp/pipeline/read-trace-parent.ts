/** W3C Trace Context traceparent: version-traceid-parentid-flags, lower-case hex (55 characters for version 00). */
const TRACE_PARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/**
 * The `traceparent` a request carries in `params._meta` (reserved for OpenTelemetry by MCP
 * 2026-07-28; 2025 clients may send it as well), when it is a valid W3C traceparent: version
 * ff and all-zero ids are invalid. Anything else is ignored, not refused: tracing is advisory and
 * a bad header must not fail a call. Pure; the result is at most 55 characters.
 */
export function readTraceParent(params: unknown): string | null {
  const meta = (params as { _meta?: unknown } | undefined)?._meta;
  const value = typeof meta === "object" && meta !== null ? (meta as { traceparent?: unknown }).traceparent : undefined;
  if (typeof value !== "string") return null;
  const match = TRACE_PARENT.exec(value);
  if (!match || match[1] === "ff" || /^0+$/.test(match[2]) || /^0+$/.test(match[3])) return null;
  return value;
}
