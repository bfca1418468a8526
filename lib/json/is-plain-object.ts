/** A JSON object (not null, not an array), as JSON-RPC params and `_meta` must be. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
