/** A copy of a JSON value with every object's keys sorted, so equal values serialise equally. */
export function sortJsonKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortJsonKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortJsonKeys((value as Record<string, unknown>)[key])]),
  );
}
