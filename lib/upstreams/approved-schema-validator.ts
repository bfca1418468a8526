import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { JsonSchemaType, JsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/types.js";

const ajv = new AjvJsonSchemaValidator();
/** Distinct schemas kept compiled; past this the oldest is compiled again when next used. */
const MAX_COMPILED = 5_000;
const compiled = new Map<string, JsonSchemaValidator<unknown>>();

/**
 * The compiled validator of an approved upstream schema, by its text. The catalogue is rebuilt
 * from the database every 30 s with new schema objects, and Ajv caches by object: compiling per
 * object compiled every tool again after each rebuild and kept every copy. Approved schemas are
 * stored canonical (keys sorted), so equal schemas have equal text. Throws when the schema
 * cannot be compiled.
 */
export function approvedSchemaValidator(schema: Record<string, unknown>): JsonSchemaValidator<unknown> {
  const text = JSON.stringify(schema);
  let validator = compiled.get(text);
  if (!validator) {
    validator = ajv.getValidator(JSON.parse(text) as JsonSchemaType);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(text, validator);
  }
  return validator;
}
