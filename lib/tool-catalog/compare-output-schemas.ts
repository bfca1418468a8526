import { diffJsonSchemas } from "@/lib/tool-catalog/diff-json-schemas";

type JsonSchema = Record<string, unknown>;

/** An output schema's differences, split by whether a client that read the old results may now fail. */
export interface OutputSchemaComparison {
  /** A result valid today may lack or misshape what clients relied on (property removed, no longer required, type, enum or bound widened). */
  breaking: string[];
  compatible: string[];
}

/**
 * Pure, conservative comparison of two versions of a tool's output schema (undefined: the tool
 * promises no structured content). Dropping the schema breaks (structured results are no longer
 * promised); adding one does not.
 */
export function compareOutputSchemas(previous: JsonSchema | undefined, next: JsonSchema | undefined): OutputSchemaComparison {
  if (previous === undefined) return { breaking: [], compatible: next === undefined ? [] : ["output: schema added"] };
  if (next === undefined) return { breaking: ["output: schema removed (structured results no longer promised)"], compatible: [] };
  const comparison: OutputSchemaComparison = { breaking: [], compatible: [] };
  // A reader breaks when results may now hold what it never had to handle, or lack what it used.
  for (const { line, effect } of diffJsonSchemas(previous, next, "output")) (effect === "widens" || effect === "changes" ? comparison.breaking : comparison.compatible).push(line);
  return comparison;
}
