import { z } from "zod";
import { deprecateToolInputSchema } from "@/lib/tool-catalog/deprecate-tool";

/**
 * PATCH /api/v1/tools/{name}: switch a tool on or off and/or set its deprecation (null clears
 * it). The deprecation fields are the tool catalogue's own schema, minus the name from the path.
 */
export const updateToolSchema = z
  .strictObject({
    enabled: z.boolean().optional().describe("false: the tool is neither listed nor callable"),
    deprecation: deprecateToolInputSchema
      .omit({ name: true })
      .strict()
      .nullable()
      .optional()
      .describe("{ message?, replacement?, sunset? } to deprecate; null to clear a deprecation"),
  })
  .refine((body) => body.enabled !== undefined || body.deprecation !== undefined, { message: "Give enabled and/or deprecation" });

export type UpdateToolBody = z.output<typeof updateToolSchema>;
