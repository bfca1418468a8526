import type { CliIo } from "@/lib/cli/cli-io";
import { formatTable } from "@/lib/cli/format-table";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import { formatDefinitionValue } from "@/lib/upstreams/format-definition-value";
import { getUpstreamServer } from "@/lib/upstreams/get-upstream-server";
import { SHORT_FINGERPRINT_DIGITS } from "@/lib/upstreams/held-fingerprint-schema";

/** `sb server show NAME`: the server's settings (secrets redacted), its tools and their state, and diffs of held changes. */
export async function runServerShow(args: string[], io: CliIo): Promise<void> {
  const { positionals } = parseCommandOptions(args, {}, { positionals: 1, usage: "sb server show NAME" });
  await io.openDatabase();
  const server = await getUpstreamServer(positionals[0]);
  const lines = [
    `${server.name}  ${server.transport}  ${server.url ?? [server.command, ...server.args].join(" ")}`,
    `status: ${server.status}${server.lastError ? ` (${server.lastError})` : ""}`,
    ...server.env.map((entry) => `env ${entry.name}=${entry.value}`),
    ...server.headers.map((entry) => `header ${entry.name}: ${entry.value}`),
    "",
    formatTable(
      ["TOOL", "STATE", "ENABLED", "APPROVED BY"],
      server.tools.map((tool) => [tool.name, tool.state === "held" ? `held (${tool.change?.classification})` : tool.state, tool.enabled ? "yes" : "no", tool.approvedBy ?? "-"]),
    ),
  ];
  for (const tool of server.tools) {
    if (!tool.change) continue;
    lines.push("", `--- ${tool.name}: ${tool.change.kind === "new" ? "new tool" : `changed (${tool.change.classification})`}, awaiting review`);
    for (const change of tool.change.changes) lines.push(`  ${change}`);
    for (const field of tool.change.fields) {
      if (tool.change.kind === "changed") lines.push(`  - ${field.label}: ${formatDefinitionValue(field.before, "one-line")}`);
      lines.push(`  + ${field.label}: ${formatDefinitionValue(field.after, "one-line")}`);
    }
    // Approving with the fingerprint approves this version only, not one the server defines after you read it.
    const fingerprint = tool.change.fingerprint.slice(0, SHORT_FINGERPRINT_DIGITS);
    lines.push(`  fingerprint: ${fingerprint}`, `  approve: npm run -s sb -- server approve ${server.name} --tool ${tool.upstreamName} --fingerprint ${fingerprint}`);
  }
  io.out(lines.join("\n"));
}
