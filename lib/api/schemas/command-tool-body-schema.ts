import { commandToolDefinitionSchema } from "@/lib/command-tools/command-tool-schema";

/**
 * POST /api/v1/command-tools: a command tool definition, exactly the catalogue's schema,
 * refusing unknown fields so a typo is not silently dropped.
 */
export const commandToolBodySchema = commandToolDefinitionSchema.strict();

/** PUT /api/v1/command-tools/{name}: the same definition without the name, which the path gives. */
export const commandToolReplacementSchema = commandToolDefinitionSchema.omit({ name: true }).strict();
