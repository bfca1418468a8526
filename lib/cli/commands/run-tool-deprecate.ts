import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import type { CliIo } from "@/lib/cli/cli-io";
import { CliUsageError } from "@/lib/cli/cli-usage-error";
import { importService } from "@/lib/cli/import-service";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";

const USAGE = "sb tool deprecate NAME [--replacement R] [--sunset YYYY-MM-DD] [--message M]";

/** `sb tool deprecate NAME ...`, through lib/tool-catalog's deprecateTool. */
export async function runToolDeprecate(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseCommandOptions(
    args,
    { replacement: { type: "string" }, sunset: { type: "string" }, message: { type: "string" } },
    { positionals: 1, usage: USAGE },
  );
  let sunset: Date | undefined;
  if (values.sunset !== undefined) {
    sunset = /^\d{4}-\d{2}-\d{2}$/.test(values.sunset) ? new Date(`${values.sunset}T00:00:00Z`) : new Date(Number.NaN);
    if (Number.isNaN(sunset.getTime())) throw new CliUsageError(`Invalid --sunset "${values.sunset}": expected YYYY-MM-DD. Usage: ${USAGE}`);
  }
  await io.openDatabase();
  const { deprecateTool } = await importService(() => import("@/lib/tool-catalog/deprecate-tool"), "Tool deprecation");
  await deprecateTool({ name: positionals[0], message: values.message, replacement: values.replacement, sunset, actor: CLI_ACTOR });
  io.info(`Deprecated ${positionals[0]}${values.replacement ? ` (use ${values.replacement})` : ""}${values.sunset ? `, sunset ${values.sunset}` : ""}.`);
}
