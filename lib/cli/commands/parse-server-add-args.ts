import { CliUsageError } from "@/lib/cli/cli-usage-error";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import { parseConfigEntries } from "@/lib/upstreams/parse-config-entries";
import type { ConfigValueInput, UpstreamServerInput } from "@/lib/upstreams/upstream-server-schema";

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
    const env = [...parseEntries(values.env, "env", true, "--env"), ...parseEntries(values["plain-env"], "env", false, "--plain-env")];
    return { name, transport: "stdio", command: values.command, args: values.arg ?? [], env, ...(values.cwd !== undefined ? { cwd: values.cwd } : {}), ...limits };
  }
  for (const option of ["arg", "env", "plain-env", "cwd"] as const) {
    if (values[option] !== undefined) throw new CliUsageError(`--${option} is for local servers (--command), not --url.`);
  }
  const transport = values.transport ?? "http";
  if (transport !== "http" && transport !== "sse") throw new CliUsageError(`--transport must be http (Streamable HTTP) or sse (legacy HTTP+SSE), got "${transport}".`);
  const headers = [...parseEntries(values.header, "header", true, "--header"), ...parseEntries(values["plain-header"], "header", false, "--plain-header")];
  return { name, transport, url: values.url!, headers, ...limits };
}

/**
 * "--arg -y" and "--arg --port" are the server's own arguments: bind the word after each --arg to
 * it ("--arg=-y") so the option parser does not take it for an option of ours.
 */
function bindArgValues(args: string[]): string[] {
  const bound: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    if (args[index] === "--arg" && index + 1 < args.length) bound.push(`--arg=${args[++index]}`);
    else bound.push(args[index]);
  }
  return bound;
}

function parseWholeNumber(text: string, option: string): number {
  if (!/^\d{1,7}$/.test(text)) throw new CliUsageError(`${option} takes a whole number, got "${text.slice(0, 40)}".`);
  return Number(text);
}

function parseEntries(raw: string[] | undefined, kind: "env" | "header", secret: boolean, option: string): ConfigValueInput[] {
  const parsed = parseConfigEntries(raw ?? [], kind, secret);
  if (!parsed.ok) throw new CliUsageError(`${option} ${parsed.message}.`);
  return parsed.entries;
}
