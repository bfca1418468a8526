import { z } from "zod";
import { canonicalizeInputSchema, type CanonicalInputSchema } from "@/lib/tool-catalog/canonicalize-input-schema";

/**
 * The canonical JSON Schema of a zod object as a client sends it ("input" mode: fields with a
 * default are optional), with its sha256.
 */
export function toInputJsonSchema(schema: z.ZodObject): CanonicalInputSchema {
  return canonicalizeInputSchema(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>);
}
