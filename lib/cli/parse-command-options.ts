import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliUsageError } from "@/lib/cli/cli-usage-error";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * node:util parseArgs in strict mode, with its errors turned into one-line CliUsageErrors and
 * the listed `required` options enforced.
 */
export function parseCommandOptions<const T extends Options>(
  args: string[],
  options: T,
  settings: { required?: readonly (keyof T & string)[]; positionals?: number; usage: string },
) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: (settings.positionals ?? 0) > 0 });
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message.split("\n")[0]}. Usage: ${settings.usage}`);
  }
  for (const name of settings.required ?? []) {
    const value = (parsed.values as Record<string, unknown>)[name];
    if (value === undefined || value === "") throw new CliUsageError(`Missing --${name}. Usage: ${settings.usage}`);
  }
  if (parsed.positionals.length !== (settings.positionals ?? 0)) {
    throw new CliUsageError(`Expected ${settings.positionals ?? 0} argument(s), got ${parsed.positionals.length}. Usage: ${settings.usage}`);
  }
  return parsed;
}
