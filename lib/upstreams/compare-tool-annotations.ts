/**
 * MCP's behaviour hints and the value each takes when the tool is safe on that point. An absent
 * hint takes the spec's default, which is the risky one in every case (readOnlyHint false,
 * destructiveHint true, idempotentHint false, openWorldHint true): a client's auto-approval that
 * trusted the safe value must not keep trusting it.
 */
const SAFE_HINTS = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** A tool's annotations' differences, split by whether one moved a hint toward more risk. */
export interface AnnotationComparison {
  breaking: string[];
  compatible: string[];
}

const show = (value: unknown) => (value === undefined ? "absent" : JSON.stringify(value));

/**
 * Pure comparison of two versions of a tool's annotations (undefined: none). A hint that was
 * safe and is no longer (readOnlyHint true → false or absent, destructiveHint false → true or
 * absent, idempotentHint true → false or absent, openWorldHint false → true or absent) is
 * breaking; any other change (a hint toward safety, the title, unknown keys) is compatible.
 */
export function compareToolAnnotations(previous: Record<string, unknown> | undefined, next: Record<string, unknown> | undefined): AnnotationComparison {
  const before = previous ?? {};
  const after = next ?? {};
  const comparison: AnnotationComparison = { breaking: [], compatible: [] };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    const line = `annotations.${key}: ${show(before[key])} → ${show(after[key])}`;
    const safe = (SAFE_HINTS as Record<string, boolean>)[key];
    const riskier = safe !== undefined && before[key] === safe && after[key] !== safe;
    (riskier ? comparison.breaking : comparison.compatible).push(riskier ? `${line} (riskier)` : line);
  }
  return comparison;
}
