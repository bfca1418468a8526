import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import type { CliIo } from "@/lib/cli/cli-io";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import { removeUpstreamServer } from "@/lib/upstreams/remove-upstream-server";

/** `sb server remove NAME`: unregisters the server and its tools (call logs stay). */
export async function runServerRemove(args: string[], io: CliIo): Promise<void> {
  const { positionals } = parseCommandOptions(args, {}, { positionals: 1, usage: "sb server remove NAME" });
  await io.openDatabase();
  await removeUpstreamServer({ name: positionals[0], actor: CLI_ACTOR });
  io.info(`Removed server ${positionals[0]} and its tools.`);
}
