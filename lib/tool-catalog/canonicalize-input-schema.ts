import { createHash } from "node:crypto";
import { sortJsonKeys } from "@/lib/tool-catalog/sort-json-keys";

export interface CanonicalInputSchema {
  /** JSON Schema with keys sorted and "$schema" removed (some MCP clients reject it). */
  schema: Record<string, unknown>;
  /** sha256 hex of the canonical JSON text; equal schemas always hash equal. */
  hash: string;
}

/** Canonical form of a tool's input JSON Schema, so a hash change means a real schema change. */
export function canonicalizeInputSchema(jsonSchema: Record<string, unknown>): CanonicalInputSchema {
  const { $schema: _ignored, ...rest } = jsonSchema;
  if (rest.type !== "object") throw new Error(`A tool input schema must have type "object", got ${JSON.stringify(rest.type)}`);
  const schema = sortJsonKeys(rest) as Record<string, unknown>;
  return { schema, hash: createHash("sha256").update(JSON.stringify(schema)).digest("hex") };
}
