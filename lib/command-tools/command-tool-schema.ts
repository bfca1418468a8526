import { z } from "zod";

/** Parameter types an admin can give a command tool. "path" is a workspace path, checked like read_file's. */
export const COMMAND_PARAMETER_TYPES = ["string", "integer", "boolean", "enum", "path"] as const;

/**
 * A parameter named `timeoutSeconds` (integer) never reaches argv: it lets the caller shorten the
 * run below the tool's own timeout.
 */
export const TIMEOUT_PARAMETER = "timeoutSeconds";

/** Longest value any string parameter accepts, whatever its pattern says. */
export const MAX_COMMAND_ARGUMENT_CHARS = 1000;

export const commandParameterSchema = z
  .object({
    type: z.enum(COMMAND_PARAMETER_TYPES).describe("Value type: string, integer, boolean, enum or path (inside the workspace)"),
    description: z.string().min(1).max(500).describe("What the value means, shown to the model"),
    required: z.boolean().default(false).describe("Whether a call must give it"),
    pattern: z.string().max(200).optional().describe("Regular expression the whole string value must match (string only)"),
    enum: z.array(z.string().min(1).max(100)).min(1).max(50).optional().describe("Allowed values (enum only)"),
    min: z.number().int().optional().describe("Smallest integer, or shortest string length"),
    max: z.number().int().optional().describe("Largest integer, or longest string length"),
    flag: z
      .string()
      .regex(/^--?[A-Za-z0-9][A-Za-z0-9-]*$/)
      .optional()
      .describe('Option put before the value (e.g. "--grep"); the pair is left out when the value is absent. For a boolean: the flag alone when true'),
    allowLeadingDash: z.boolean().default(false).describe('Allow values starting with "-" (refused by default: they could be read as options)'),
  })
  .describe("One typed parameter of a command tool");
export type CommandParameter = z.output<typeof commandParameterSchema>;

export const commandToolDefinitionSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,63}$/, "use lowercase letters, digits and _ (2-64 characters, starting with a letter)")
    .describe("Tool name, e.g. run_lint; a breaking change needs a new name such as run_lint_v2"),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "use semver such as 1.0.0").default("1.0.0").describe("Semver of the tool"),
  title: z.string().min(1).max(100).describe("Short human title"),
  description: z.string().min(1).max(2000).describe("What the tool does, for the model"),
  argv: z
    .array(z.string().min(1).max(MAX_COMMAND_ARGUMENT_CHARS))
    .min(1)
    .max(64)
    .describe('Program and arguments; an element "{{name}}" is replaced by the parameter as one whole argument'),
  parameters: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), commandParameterSchema).default({}).describe("Typed parameters by name"),
  workingDir: z.string().min(1).max(1024).default(".").describe("Folder the command runs in, relative to the workspace root"),
  timeoutMs: z.number().int().min(1000).max(3_600_000).default(60_000).describe("Kill the command after this many milliseconds"),
  maxOutputBytes: z.number().int().min(1024).max(4 * 1024 * 1024).default(65_536).describe("Keep at most this much output (stdout+stderr)"),
  public: z.boolean().default(false).describe("Callable by every role without a grant"),
});
export type CommandToolDefinition = z.output<typeof commandToolDefinitionSchema>;
export type CommandToolDefinitionInput = z.input<typeof commandToolDefinitionSchema>;
