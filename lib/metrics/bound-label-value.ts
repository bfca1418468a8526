/** The label value every value past a label's cap is counted under. */
export const OVERFLOW_LABEL_VALUE = "other";

/**
 * Distinct values each label may take before the rest count as `other`: each value is a new
 * Prometheus series, kept in memory here and in every scraper, and client names, tool names sent
 * by clients and key prefixes are open-ended.
 */
export const LABEL_VALUE_CAPS = { client: 50, tool: 500, key_prefix: 1_000, server: 200 } as const;

export type BoundedLabel = keyof typeof LABEL_VALUE_CAPS;

/**
 * The value to use for `label`: itself while fewer than the label's cap distinct values have
 * been seen (by this process, in `seen`), else `other`. Values seen once keep their series.
 */
export function boundLabelValue(seen: Map<BoundedLabel, Set<string>>, label: BoundedLabel, value: string): string {
  let values = seen.get(label);
  if (!values) seen.set(label, (values = new Set()));
  if (values.has(value)) return value;
  if (values.size >= LABEL_VALUE_CAPS[label]) return OVERFLOW_LABEL_VALUE;
  values.add(value);
  return value;
}
