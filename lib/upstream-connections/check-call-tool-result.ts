import { CallToolResultSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { UpstreamRequestError } from "@/lib/upstream-connections/upstream-request-error";

/**
 * Fields of a 2026-07-28 answer the hub sets itself for its stateless clients (an interim
 * `input_required` result asks the client for input): an upstream's must never pass as the hub's.
 */
const HUB_RESULT_FIELDS = ["resultType", "inputRequests", "requestState"] as const;

/**
 * An upstream's tools/call result, checked against the SDK's CallToolResult schema: the schema
 * the hub's session server holds every answer to, so what passes here is never refused later,
 * after the call was logged as answered. A malformed result fails this one call with the first
 * problem in one line, and leaves the connection to everyone else's calls.
 */
export function checkCallToolResult(value: unknown): CallToolResult {
  const parsed = CallToolResultSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "the result";
    throw new UpstreamRequestError(`its tools/call result is not a CallToolResult (${where}: ${issue?.message.split("\n")[0].slice(0, 120) ?? "invalid"})`);
  }
  const result = parsed.data as CallToolResult & Record<string, unknown>;
  for (const field of HUB_RESULT_FIELDS) delete result[field];
  return result;
}
