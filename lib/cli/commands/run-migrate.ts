import type { CliIo } from "@/lib/cli/cli-io";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";

/** `sb migrate`: applies pending migrations (opening the database migrates it). */
export async function runMigrate(args: string[], io: CliIo): Promise<void> {
  parseCommandOptions(args, {}, { usage: "sb migrate" });
  await io.openDatabase();
}
