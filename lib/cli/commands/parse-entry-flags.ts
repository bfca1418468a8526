import { CliUsageError } from "@/lib/cli/cli-usage-error";
import { parseConfigEntries } from "@/lib/upstreams/parse-config-entries";
import type { ConfigValueInput } from "@/lib/upstreams/upstream-server-schema";

/** The values of repeated --env / --header style flags; CliUsageError naming the flag (never the value). */
export function parseEntryFlags(raw: string[] | undefined, kind: "env" | "header", secret: boolean, option: string): ConfigValueInput[] {
  const parsed = parseConfigEntries(raw ?? [], kind, secret);
  if (!parsed.ok) throw new CliUsageError(`${option} ${parsed.message}.`);
  return parsed.entries;
}
