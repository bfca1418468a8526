import { diffJsonSchemas } from "@/lib/tool-catalog/diff-json-schemas";

type JsonSchema = Record<string, unknown>;

/**
 * Differences between two versions of a tool's input JSON Schema. `breaking` lists changes that
 * can make a call valid today invalid tomorrow (removed or renamed property, newly required field,
 * narrowed type, enum, range, length or pattern); `additive` lists every other difference.
 */
export type SchemaComparison =
  | { ok: true; changed: boolean; additive: string[] }
  | { ok: false; message: string; breaking: string[]; additive: string[] };

/** Pure, conservative comparison of two input schemas; anything it does not understand is breaking. */
export function compareInputSchemas(previous: JsonSchema, next: JsonSchema): SchemaComparison {
  const breaking: string[] = [];
  const additive: string[] = [];
  // A caller breaks when what it may send shrinks, or what it sends means something else.
  for (const { line, effect } of diffJsonSchemas(previous, next, "input")) (effect === "narrows" || effect === "changes" ? breaking : additive).push(line);
  if (breaking.length > 0) {
    return { ok: false, message: `Incompatible input schema change: ${breaking.join("; ")}`, breaking, additive };
  }
  return { ok: true, changed: additive.length > 0, additive };
}
