import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import type { CliIo } from "@/lib/cli/cli-io";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import { renameUpstreamServer } from "@/lib/upstreams/rename-upstream-server";

/**
 * `sb server rename OLD NEW`: renames the server and its tools (OLD__TOOL → NEW__TOOL, with their
 * grants, keys' tool lists and deprecations) in one transaction; prints the new tool names on stdout.
 */
export async function runServerRename(args: string[], io: CliIo): Promise<void> {
  const { positionals } = parseCommandOptions(args, {}, { positionals: 2, usage: "sb server rename OLD NEW" });
  await io.openDatabase();
  const renamed = await renameUpstreamServer({ name: positionals[0], newName: positionals[1], actor: CLI_ACTOR });
  io.info(`Renamed server ${renamed.renamed.from} to ${renamed.renamed.to}; its ${renamed.tools.length} tool(s) are now:`);
  io.out(renamed.tools.map((tool) => tool.to).join("\n"));
  if (renamed.keysUpdated > 0) io.info(`Updated the tool lists of ${renamed.keysUpdated} key(s).`);
  io.info("Call logs keep the old names: they record what was called.");
}
