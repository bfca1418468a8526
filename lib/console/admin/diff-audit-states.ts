import { isPlainObject } from "@/lib/json/is-plain-object";

/** One changed field of an audit event: its value before and after, as text (null: absent or null). */
export interface AuditFieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

function asText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * An audit event's before → after states field by field, in the order the fields first appear:
 * for two objects, the fields whose values differ (a field only one side has counts as changed);
 * a scalar state (a rate-limit policy) is one change of field "value". Null and absent read alike
 * ("—"), and unchanged fields are left out.
 */
export function diffAuditStates(before: unknown, after: unknown): AuditFieldChange[] {
  const objects = (before === null || before === undefined || isPlainObject(before)) && (after === null || after === undefined || isPlainObject(after));
  if (!objects) return asText(before) === asText(after) ? [] : [{ field: "value", before: asText(before), after: asText(after) }];
  const old = (before ?? {}) as Record<string, unknown>;
  const next = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  return fields
    .map((field) => ({ field, before: asText(old[field]), after: asText(next[field]) }))
    .filter((change) => change.before !== change.after);
}
