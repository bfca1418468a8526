import type { CliIo } from "@/lib/cli/cli-io";
import { formatTable } from "@/lib/cli/format-table";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import { listUpstreamServers } from "@/lib/upstreams/list-upstream-servers";

/** `sb server list`: every upstream server with its status and tool counts (never secret values). */
export async function runServerList(args: string[], io: CliIo): Promise<void> {
  parseCommandOptions(args, {}, { usage: "sb server list" });
  await io.openDatabase();
  const servers = await listUpstreamServers();
  if (servers.length === 0) {
    io.info("No upstream servers registered; add one with: npm run -s sb -- server add NAME --command CMD | --url URL");
    return;
  }
  io.out(
    formatTable(
      ["NAME", "TRANSPORT", "TARGET", "STATUS", "TOOLS", "HELD", "MISSING", "LAST ERROR"],
      servers.map((server) => [
        server.name,
        server.transport,
        server.url ?? [server.command, ...server.args].join(" "),
        server.status,
        String(server.toolCount),
        String(server.heldCount),
        String(server.missingCount),
        server.lastError?.slice(0, 80) ?? "-",
      ]),
    ),
  );
}
