import type { CliIo } from "@/lib/cli/cli-io";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";

/** `sb migrate`: the database is prepared (and so migrated) before any command runs. */
export async function runMigrate(args: string[], _io: CliIo): Promise<void> {
  parseCommandOptions(args, {}, { usage: "sb migrate" });
}
