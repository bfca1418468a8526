import { compareInputSchemas } from "@/lib/tool-catalog/compare-input-schemas";

/** What the committed snapshot keeps per tool. */
export interface SnapshotTool {
  version: string;
  inputSchema: Record<string, unknown>;
}

export interface SnapshotCheck {
  /** Changes that need a new tool name (or, for a removal, a deliberate snapshot update). */
  breaking: string[];
  /** Compatible differences: the snapshot must be regenerated to record them. */
  stale: string[];
}

/**
 * Pure: compares the committed schema snapshot with the tools in code. A breaking schema change
 * under the same name is always reported, an additive change without a version bump too;
 * anything else that differs makes the snapshot stale.
 */
export function checkSchemaSnapshot(committed: Record<string, SnapshotTool>, current: Record<string, SnapshotTool>): SnapshotCheck {
  const breaking: string[] = [];
  const stale: string[] = [];
  for (const [name, before] of Object.entries(committed)) {
    const after = current[name];
    if (!after) {
      stale.push(`${name}: removed from code (callers lose it: deprecate with a sunset date first)`);
      continue;
    }
    const comparison = compareInputSchemas(before.inputSchema, after.inputSchema);
    if (!comparison.ok) {
      breaking.push(`${name}: ${comparison.breaking.join("; ")} — keep ${name} as it was and add the new schema as a new tool (e.g. ${name}_v2)`);
      continue;
    }
    if (comparison.changed && before.version === after.version) {
      breaking.push(`${name}: schema changed (${comparison.additive.join("; ")}) but version is still ${after.version} — bump the minor version`);
      continue;
    }
    if (comparison.changed || before.version !== after.version) stale.push(`${name}: ${before.version} → ${after.version}${comparison.changed ? ` (${comparison.additive.join("; ")})` : ""}`);
  }
  for (const name of Object.keys(current)) if (!(name in committed)) stale.push(`${name}: new tool`);
  return { breaking, stale };
}
