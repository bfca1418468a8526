import { z } from "zod";
import { optionalFormText } from "@/lib/console/admin/optional-form-text";
import { commandParameterSchema, commandToolDefinitionSchema, type CommandToolDefinitionInput } from "@/lib/command-tools/command-tool-schema";

const shape = commandToolDefinitionSchema.shape;

/**
 * The console's command-tool form. Fields map one to one onto the command-tools service's
 * definition schema (which validates again, with the semantic checks): argv is one argument per
 * line, the timeout is in seconds and the output cap in KiB for people, and the parameters come
 * from the parameter editor as JSON. Output is a CommandToolDefinitionInput.
 */
export const commandToolFormSchema = z
  .object({
    name: shape.name,
    version: shape.version,
    title: z.string().trim().pipe(shape.title),
    description: z.string().trim().pipe(shape.description),
    argv: z
      .string()
      .transform((text) => text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== ""))
      .pipe(shape.argv)
      .describe("One argument per line; the first is the program"),
    parameters: z
      .string()
      .transform((text, context) => {
        try {
          return JSON.parse(text === "" ? "{}" : text) as unknown;
        } catch {
          context.addIssue({ code: "custom", message: "Parameters are not valid JSON" });
          return z.NEVER;
        }
      })
      .pipe(z.record(z.string(), commandParameterSchema))
      .describe("Typed parameters by name, from the parameter editor"),
    workingDir: optionalFormText(z.string().max(1024)).describe(shape.workingDir.description ?? "Working folder"),
    timeoutSeconds: z.coerce.number({ message: "Enter a number of seconds" }).int({ message: "Use whole seconds" }).min(1, { message: "At least 1 second" }).max(3600, { message: "At most 3600 seconds (one hour)" }).describe("Kill the command after this many seconds"),
    maxOutputKb: z.coerce.number({ message: "Enter a size in KiB" }).int({ message: "Use whole KiB" }).min(1, { message: "At least 1 KiB" }).max(4096, { message: "At most 4096 KiB (4 MiB)" }).describe("Keep at most this many KiB of output"),
    public: z
      .enum(["on"])
      .optional()
      .transform((value) => value === "on")
      .describe("Callable by every role without a grant"),
  })
  .transform(
    (form): CommandToolDefinitionInput => ({
      name: form.name,
      version: form.version,
      title: form.title,
      description: form.description,
      argv: form.argv,
      parameters: form.parameters,
      workingDir: form.workingDir ?? ".",
      timeoutMs: form.timeoutSeconds * 1000,
      maxOutputBytes: form.maxOutputKb * 1024,
      public: form.public,
    }),
  );
