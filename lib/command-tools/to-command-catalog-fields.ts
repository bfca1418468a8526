import type { CommandToolDefinition } from "@/lib/command-tools/command-tool-schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CanonicalInputSchema } from "@/lib/tool-catalog/canonicalize-input-schema";

/** The Tool row fields a command tool's definition owns (admin flags are not among them). */
export function toCommandCatalogFields(definition: CommandToolDefinition, schema: CanonicalInputSchema) {
  return {
    version: definition.version,
    title: definition.title,
    description: definition.description,
    public: definition.public,
    inputSchema: schema.schema as Prisma.InputJsonValue,
    schemaHash: schema.hash,
  };
}
