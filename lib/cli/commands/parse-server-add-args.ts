import { CliUsageError } from "@/lib/cli/cli-usage-error";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import { bindArgValues } from "@/lib/cli/commands/bind-arg-values";
import { parseEntryFlags } from "@/lib/cli/commands/parse-entry-flags";
import { parseWholeNumber } from "@/lib/cli/commands/parse-whole-number";
import type { UpstreamServerInput } from "@/lib/upstreams/upstream-server-schema";

export const SERVER_ADD_USAGE =
  'sb server add NAME --command CMD [--arg A]... [--env K=V]... [--plain-env K=V]... [--cwd DIR] | sb server add NAME --url URL [--transport http|sse] [--header "Name: value"]... [--plain-header "Name: value"]... (either: [--max-concurrency N] [--timeout SECONDS])';

/**
 * The registration `server add` asks for, from its arguments. --env and --header values are
 * secret; --plain-env and --plain-header mark values that may be shown. CliUsageError names the
 * bad argument (a header without a colon, an env entry without "=", --command with --url, ...).
 */
export function parseServerAddArgs(args: string[]): UpstreamServerInput {
  const { values, positionals } = parseCommandOptions(
    bindArgValues(args),
    {
      command: { type: "string" },
      arg: { type: "string", multiple: true },
      env: { type: "string", multiple: true },
      "plain-env": { type: "string", multiple: true },
      cwd: { type: "string" },
      url: { type: "string" },
      transport: { type: "string" },
      header: { type: "string", multiple: true },
      "plain-header": { type: "string", multiple: true },
      "max-concurrency": { type: "string" },
      timeout: { type: "string" },
    },
    { positionals: 1, usage: SERVER_ADD_USAGE },
  );
  const [name] = positionals;
  const limits = {
    ...(values["max-concurrency"] !== undefined ? { maxConcurrency: parseWholeNumber(values["max-concurrency"], "--max-concurrency") } : {}),
    ...(values.timeout !== undefined ? { timeoutMs: parseWholeNumber(values.timeout, "--timeout") * 1000 } : {}),
  };
  if ((values.command === undefined) === (values.url === undefined)) throw new CliUsageError(`Give exactly one of --command (a local stdio server) or --url (a remote one). Usage: ${SERVER_ADD_USAGE}`);
  if (values.command !== undefined) {
    for (const option of ["url", "transport", "header", "plain-header"] as const) {
      if (values[option] !== undefined) throw new CliUsageError(`--${option} is for remote servers (--url), not --command.`);
    }
    const env = [...parseEntryFlags(values.env, "env", true, "--env"), ...parseEntryFlags(values["plain-env"], "env", false, "--plain-env")];
    return { name, transport: "stdio", command: values.command, args: values.arg ?? [], env, ...(values.cwd !== undefined ? { cwd: values.cwd } : {}), ...limits };
  }
  for (const option of ["arg", "env", "plain-env", "cwd"] as const) {
    if (values[option] !== undefined) throw new CliUsageError(`--${option} is for local servers (--command), not --url.`);
  }
  const transport = values.transport ?? "http";
  if (transport !== "http" && transport !== "sse") throw new CliUsageError(`--transport must be http (Streamable HTTP) or sse (legacy HTTP+SSE), got "${transport}".`);
  const headers = [...parseEntryFlags(values.header, "header", true, "--header"), ...parseEntryFlags(values["plain-header"], "header", false, "--plain-header")];
  return { name, transport, url: values.url!, headers, ...limits };
}
