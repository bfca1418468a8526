import { z } from "zod";
import { MAX_COMMAND_ARGUMENT_CHARS, type CommandParameter } from "@/lib/command-tools/command-tool-schema";

/**
 * The zod input schema of a command tool, generated from its parameter definitions. It types the
 * values; buildCommandArgv re-checks every value before anything reaches argv.
 */
export function buildCommandInputSchema(parameters: Record<string, CommandParameter>): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, parameter] of Object.entries(parameters)) {
    const field = buildField(parameter).describe(parameter.description);
    shape[name] = parameter.required ? field : field.optional();
  }
  return z.object(shape);
}

function buildField(parameter: CommandParameter): z.ZodType {
  switch (parameter.type) {
    case "integer": {
      let field = z.number().int();
      if (parameter.min !== undefined) field = field.min(parameter.min);
      if (parameter.max !== undefined) field = field.max(parameter.max);
      return field;
    }
    case "boolean":
      return z.boolean();
    case "enum":
      return z.enum((parameter.enum ?? []) as [string, ...string[]]);
    case "path":
      return z.string().min(1).max(1024);
    case "string": {
      let field = z.string().min(parameter.min ?? 1).max(Math.min(parameter.max ?? MAX_COMMAND_ARGUMENT_CHARS, MAX_COMMAND_ARGUMENT_CHARS));
      if (parameter.pattern !== undefined) field = field.regex(new RegExp(`^(?:${parameter.pattern})$`, "u"));
      return field;
    }
  }
}
