import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import type { CliIo } from "@/lib/cli/cli-io";
import { parseServerAddArgs } from "@/lib/cli/commands/parse-server-add-args";
import { addUpstreamServer } from "@/lib/upstreams/add-upstream-server";

/** `sb server add NAME ...`: connects, lists the server's tools, registers it and prints them on stdout. */
export async function runServerAdd(args: string[], io: CliIo): Promise<void> {
  const spec = parseServerAddArgs(args);
  await io.openDatabase();
  const added = await addUpstreamServer({ spec, actor: CLI_ACTOR });
  io.info(`Added server ${added.server.name} (${added.server.transport}${added.server.serverVersion ? `, version ${added.server.serverVersion}` : ""}) with ${added.tools.length} tool(s), approved:`);
  io.out(added.tools.join("\n"));
  for (const reason of added.skipped) io.info(`not served: ${reason}`);
  io.info(`Grant them with: npm run -s sb -- tool grant ${added.server.name}__* --role member`);
}
