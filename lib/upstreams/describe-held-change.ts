import { compareInputSchemas } from "@/lib/tool-catalog/compare-input-schemas";
import type { UpstreamToolDefinition } from "@/lib/upstreams/to-upstream-tool-definition";

/** A held definition next to the approved one, with the hub's reading of the schema change. */
export interface HeldChange {
  kind: "new" | "changed";
  before: UpstreamToolDefinition | null;
  after: UpstreamToolDefinition;
  /** breaking: a call valid under the approved schema may now be refused (or mean something else). */
  classification: "new" | "breaking" | "compatible";
  /** One line per difference: schema changes, then description/title/annotation/output changes. */
  changes: string[];
}

/** Pure comparison of an approved definition (null for a new tool) with the held one. */
export function describeHeldChange(before: UpstreamToolDefinition | null, after: UpstreamToolDefinition): HeldChange {
  if (!before) return { kind: "new", before, after, classification: "new", changes: ["new tool"] };
  const comparison = compareInputSchemas(before.inputSchema, after.inputSchema);
  const changes = comparison.ok ? [...comparison.additive] : [...comparison.breaking.map((line) => `breaking: ${line}`), ...comparison.additive];
  for (const field of ["title", "description", "outputSchema", "annotations"] as const) {
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)) changes.push(`${field} changed`);
  }
  return { kind: "changed", before, after, classification: comparison.ok ? "compatible" : "breaking", changes };
}
