import { compareInputSchemas } from "@/lib/tool-catalog/compare-input-schemas";
import { compareOutputSchemas } from "@/lib/tool-catalog/compare-output-schemas";
import { compareToolAnnotations } from "@/lib/upstreams/compare-tool-annotations";
import type { UpstreamToolDefinition } from "@/lib/upstreams/to-upstream-tool-definition";

/**
 * Every fingerprinted field of a definition, with its name for people. `satisfies` keeps the list
 * whole: a field added to UpstreamToolDefinition (and so to the fingerprint) fails to compile
 * until it is shown here too.
 */
export const DEFINITION_FIELDS = {
  title: "title",
  description: "description",
  inputSchema: "input schema",
  outputSchema: "output schema",
  annotations: "annotations",
} as const satisfies Record<keyof UpstreamToolDefinition, string>;

export type DefinitionField = keyof typeof DEFINITION_FIELDS;

/** One fingerprinted field that differs: its approved and held values (undefined: absent). */
export interface DefinitionFieldChange {
  field: DefinitionField;
  label: string;
  before: unknown;
  after: unknown;
}

/** A held definition next to the approved one, with the hub's reading of the change. */
export interface HeldChange {
  kind: "new" | "changed";
  before: UpstreamToolDefinition | null;
  after: UpstreamToolDefinition;
  /**
   * breaking: a call valid under the approved input schema may now be refused (or mean something
   * else), a result may lack or misshape what clients relied on, or a behaviour hint moved
   * toward more risk (clients may auto-approve on the old hints).
   */
  classification: "new" | "breaking" | "compatible";
  /** One line per difference: breaking ones first (prefixed "breaking: "), then the rest. */
  changes: string[];
  /** Every fingerprinted field that differs, old and new, in DEFINITION_FIELDS order (a new tool: every field it defines, before undefined). */
  fields: DefinitionFieldChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields in which two definitions differ (against null: every field `after` defines). */
function diffFields(before: UpstreamToolDefinition | null, after: UpstreamToolDefinition): DefinitionFieldChange[] {
  return (Object.keys(DEFINITION_FIELDS) as DefinitionField[])
    .filter((field) => !same(before?.[field], after[field]))
    .map((field) => ({ field, label: DEFINITION_FIELDS[field], before: before?.[field], after: after[field] }));
}

/** Pure comparison of an approved definition (null for a new tool) with the held one. */
export function describeHeldChange(before: UpstreamToolDefinition | null, after: UpstreamToolDefinition): HeldChange {
  if (!before) return { kind: "new", before, after, classification: "new", changes: ["new tool"], fields: diffFields(before, after) };
  const input = compareInputSchemas(before.inputSchema, after.inputSchema);
  const output = compareOutputSchemas(before.outputSchema, after.outputSchema);
  const annotations = compareToolAnnotations(before.annotations, after.annotations);
  const breaking = [...(input.ok ? [] : input.breaking), ...output.breaking, ...annotations.breaking];
  const texts = (["title", "description"] as const).filter((field) => !same(before[field], after[field])).map((field) => `${field} changed`);
  const changes = [...breaking.map((line) => `breaking: ${line}`), ...input.additive, ...output.compatible, ...annotations.compatible, ...texts];
  return { kind: "changed", before, after, classification: breaking.length > 0 ? "breaking" : "compatible", changes, fields: diffFields(before, after) };
}
