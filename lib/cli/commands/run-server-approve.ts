import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import type { CliIo } from "@/lib/cli/cli-io";
import { CliUsageError } from "@/lib/cli/cli-usage-error";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import { approveUpstreamTools } from "@/lib/upstreams/approve-upstream-tools";
import { SHORT_FINGERPRINT_DIGITS } from "@/lib/upstreams/held-fingerprint-schema";

const USAGE = "sb server approve NAME [--tool TOOL [--fingerprint F]]";

/**
 * `sb server approve NAME [--tool TOOL [--fingerprint F]]`: approves held changes (all of the
 * server's, or one tool's). With --fingerprint (as `server show` prints it) only the version
 * reviewed is approved: one redefined since fails with "changed again". Without it, whatever is
 * held when this runs is approved, and stderr says which versions those were.
 */
export async function runServerApprove(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseCommandOptions(args, { tool: { type: "string" }, fingerprint: { type: "string" } }, { positionals: 1, usage: USAGE });
  if (values.fingerprint !== undefined && values.tool === undefined) throw new CliUsageError(`--fingerprint names one tool's held version: give --tool too. Usage: ${USAGE}`);
  await io.openDatabase();
  const approved = await approveUpstreamTools({ serverName: positionals[0], toolName: values.tool, fingerprint: values.fingerprint, actor: CLI_ACTOR });
  if (values.fingerprint !== undefined) io.info(`Approved ${approved.length} tool definition(s), the version(s) you reviewed:`);
  else {
    io.info(`Approved ${approved.length} tool definition(s) as held when this ran (without --fingerprint, not necessarily the versions server show printed):`);
    for (const tool of approved) io.info(`  ${tool.name}  fingerprint ${tool.fingerprint.slice(0, SHORT_FINGERPRINT_DIGITS)}`);
  }
  io.out(approved.map((tool) => tool.name).join("\n"));
}
