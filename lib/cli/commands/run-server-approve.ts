import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import type { CliIo } from "@/lib/cli/cli-io";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import { approveUpstreamTools } from "@/lib/upstreams/approve-upstream-tools";

/** `sb server approve NAME [--tool TOOL]`: approves held changes (all of the server's, or one tool's). */
export async function runServerApprove(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseCommandOptions(args, { tool: { type: "string" } }, { positionals: 1, usage: "sb server approve NAME [--tool TOOL]" });
  await io.openDatabase();
  const approved = await approveUpstreamTools({ serverName: positionals[0], toolName: values.tool, actor: CLI_ACTOR });
  io.info(`Approved ${approved.length} tool definition(s):`);
  io.out(approved.join("\n"));
}
