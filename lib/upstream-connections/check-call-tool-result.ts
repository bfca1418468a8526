import { CallToolResultSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { isPlainObject } from "@/lib/json/is-plain-object";
import { UpstreamRequestError } from "@/lib/upstream-connections/upstream-request-error";

/**
 * Fields of a 2026-07-28 answer the hub sets itself for its stateless clients (an interim
 * `input_required` result asks the client for input): an upstream's must never pass as the hub's.
 */
const HUB_RESULT_FIELDS = ["resultType", "inputRequests", "requestState"] as const;

/**
 * An upstream's tools/call result, checked against the SDK's CallToolResult schema (what the
 * hub's clients hold it to; the hub's own session path no longer re-checks it): a malformed
 * result fails this one call with the first problem in one line, and leaves the connection to
 * everyone else's calls.
 */
export function checkCallToolResult(value: unknown): CallToolResult {
  if (isPlainTextResult(value)) return withoutHubFields(value);
  const parsed = CallToolResultSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "the result";
    throw new UpstreamRequestError(`its tools/call result is not a CallToolResult (${where}: ${issue?.message.split("\n")[0].slice(0, 120) ?? "invalid"})`);
  }
  return withoutHubFields(parsed.data);
}

function withoutHubFields(value: object): CallToolResult {
  const result = value as CallToolResult & Record<string, unknown>;
  for (const field of HUB_RESULT_FIELDS) delete result[field];
  return result;
}

/**
 * The common answer, which the schema would pass unchanged (no defaults filled, no keys
 * stripped): text content items of exactly type and text, isError a boolean if present,
 * structuredContent an object if present, no _meta. Checked without zod's copy of it; anything
 * else goes through the schema.
 */
function isPlainTextResult(value: unknown): value is CallToolResult {
  if (!isPlainObject(value) || !Array.isArray(value.content) || value._meta !== undefined) return false;
  if (value.isError !== undefined && typeof value.isError !== "boolean") return false;
  if (value.structuredContent !== undefined && !isPlainObject(value.structuredContent)) return false;
  return value.content.every((item: unknown) => isPlainObject(item) && item.type === "text" && typeof item.text === "string" && Object.keys(item).length === 2);
}
