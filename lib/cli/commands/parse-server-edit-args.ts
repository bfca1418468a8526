import { CliUsageError } from "@/lib/cli/cli-usage-error";
import { bindArgValues } from "@/lib/cli/commands/bind-arg-values";
import { parseEntryFlags } from "@/lib/cli/commands/parse-entry-flags";
import { parseWholeNumber } from "@/lib/cli/commands/parse-whole-number";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import type { UpstreamServerEdit } from "@/lib/upstreams/upstream-server-edit-schema";
import type { ConfigValueInput } from "@/lib/upstreams/upstream-server-schema";

export const SERVER_EDIT_USAGE =
  'sb server edit NAME [--command CMD] [--arg A]... [--clear-args] [--env K=V]... [--plain-env K=V]... [--unset-env K]... [--cwd DIR | --unset-cwd] | [--url URL] [--transport http|sse] [--header "Name: value"]... [--plain-header "Name: value"]... [--unset-header Name]... (either: [--max-concurrency N] [--timeout SECONDS])';

/** Values to set (secret or plain) and names to remove, applied to the stored list. */
export interface EntryFlagChanges {
  set: ConfigValueInput[];
  unset: string[];
}

/** What `server edit` asks for: the fields it replaces, and changes to the env or header list. */
export interface ServerEditArgs {
  name: string;
  edit: Omit<UpstreamServerEdit, "env" | "headers">;
  env?: EntryFlagChanges;
  headers?: EntryFlagChanges;
}

/**
 * The edit `server edit` asks for, from its arguments, with `server add`'s flag names: --arg
 * replaces every argument (--clear-args leaves none), --env/--header set a secret value and
 * --plain-env/--plain-header a shown one (replacing a stored entry of that name), --unset-env and
 * --unset-header remove one; entries not named keep their stored values. CliUsageError names the
 * bad argument; nothing to change is one too.
 */
export function parseServerEditArgs(args: string[]): ServerEditArgs {
  const { values, positionals } = parseCommandOptions(
    bindArgValues(args),
    {
      command: { type: "string" },
      arg: { type: "string", multiple: true },
      "clear-args": { type: "boolean" },
      env: { type: "string", multiple: true },
      "plain-env": { type: "string", multiple: true },
      "unset-env": { type: "string", multiple: true },
      cwd: { type: "string" },
      "unset-cwd": { type: "boolean" },
      url: { type: "string" },
      transport: { type: "string" },
      header: { type: "string", multiple: true },
      "plain-header": { type: "string", multiple: true },
      "unset-header": { type: "string", multiple: true },
      "max-concurrency": { type: "string" },
      timeout: { type: "string" },
    },
    { positionals: 1, usage: SERVER_EDIT_USAGE },
  );
  if (values.arg !== undefined && values["clear-args"]) throw new CliUsageError("Give --arg or --clear-args, not both.");
  if (values.cwd !== undefined && values["unset-cwd"]) throw new CliUsageError("Give --cwd or --unset-cwd, not both.");
  const local = ["command", "arg", "clear-args", "env", "plain-env", "unset-env", "cwd", "unset-cwd"] as const;
  const remote = ["url", "header", "plain-header", "unset-header"] as const;
  const given = (names: readonly (keyof typeof values)[]) => names.filter((option) => values[option] !== undefined);
  if (given(local).length > 0 && given(remote).length > 0) throw new CliUsageError(`--${given(local)[0]} is for local servers and --${given(remote)[0]} for remote ones: give one kind.`);
  if (values.transport !== undefined && values.transport !== "http" && values.transport !== "sse") {
    throw new CliUsageError(`--transport must be http (Streamable HTTP) or sse (legacy HTTP+SSE), got "${values.transport}".`);
  }
  const edit: ServerEditArgs["edit"] = {
    ...(values.command !== undefined ? { command: values.command } : {}),
    ...(values.arg !== undefined ? { args: values.arg } : values["clear-args"] ? { args: [] } : {}),
    ...(values.cwd !== undefined ? { cwd: values.cwd } : values["unset-cwd"] ? { cwd: null } : {}),
    ...(values.url !== undefined ? { url: values.url } : {}),
    ...(values.transport !== undefined ? { transport: values.transport as "http" | "sse" } : {}),
    ...(values["max-concurrency"] !== undefined ? { maxConcurrency: parseWholeNumber(values["max-concurrency"], "--max-concurrency") } : {}),
    ...(values.timeout !== undefined ? { timeoutMs: parseWholeNumber(values.timeout, "--timeout") * 1000 } : {}),
  };
  const env = changes(values.env, values["plain-env"], values["unset-env"], "env");
  const headers = changes(values.header, values["plain-header"], values["unset-header"], "header");
  if (Object.keys(edit).length === 0 && !env && !headers) throw new CliUsageError(`Nothing to change. Usage: ${SERVER_EDIT_USAGE}`);
  return { name: positionals[0], edit, ...(env ? { env } : {}), ...(headers ? { headers } : {}) };
}

function changes(secret: string[] | undefined, plain: string[] | undefined, unset: string[] | undefined, kind: "env" | "header"): EntryFlagChanges | undefined {
  if (secret === undefined && plain === undefined && unset === undefined) return undefined;
  const set = [...parseEntryFlags(secret, kind, true, `--${kind}`), ...parseEntryFlags(plain, kind, false, `--plain-${kind}`)];
  const removed = unset ?? [];
  const both = set.find((entry) => removed.includes(entry.name));
  if (both) throw new CliUsageError(`--unset-${kind} ${both.name} and a new value for it: give one.`);
  return { set, unset: removed };
}
