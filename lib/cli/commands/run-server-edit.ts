import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import type { CliIo } from "@/lib/cli/cli-io";
import { parseServerEditArgs } from "@/lib/cli/commands/parse-server-edit-args";
import { toConfigValueEdits } from "@/lib/cli/commands/to-config-value-edits";
import { editUpstreamServer } from "@/lib/upstreams/edit-upstream-server";
import { getUpstreamServer } from "@/lib/upstreams/get-upstream-server";

/**
 * `sb server edit NAME ...`: connects with the changed settings, saves them and prints the tools
 * the server lists now on stdout; held (redefined or new) tools are named on stderr.
 */
export async function runServerEdit(args: string[], io: CliIo): Promise<void> {
  const parsed = parseServerEditArgs(args);
  await io.openDatabase();
  const stored = parsed.env || parsed.headers ? await getUpstreamServer(parsed.name) : undefined;
  const edit = {
    ...parsed.edit,
    ...(parsed.env && stored ? { env: toConfigValueEdits("env", parsed.name, stored.env, parsed.env) } : {}),
    ...(parsed.headers && stored ? { headers: toConfigValueEdits("header", parsed.name, stored.headers, parsed.headers) } : {}),
  };
  const edited = await editUpstreamServer({ name: parsed.name, edit, actor: CLI_ACTOR });
  io.info(`Saved server ${edited.server.name} (${edited.server.transport}${edited.server.serverVersion ? `, version ${edited.server.serverVersion}` : ""}); it lists ${edited.tools.length} tool(s):`);
  io.out(edited.tools.join("\n"));
  for (const reason of edited.skipped) io.info(`not served: ${reason}`);
  if (edited.held.length > 0) io.info(`Held for review (changed or new): ${edited.held.join(", ")}. Approve with: npm run -s sb -- server approve ${edited.server.name}`);
  if (edited.missing.length > 0) io.info(`No longer listed (marked missing): ${edited.missing.join(", ")}`);
}
