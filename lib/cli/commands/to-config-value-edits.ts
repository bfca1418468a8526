import type { EntryFlagChanges } from "@/lib/cli/commands/parse-server-edit-args";
import { HubError } from "@/lib/errors/hub-error";
import type { ConfigValueView } from "@/lib/upstreams/stored-config-value";
import type { ConfigValueEdit } from "@/lib/upstreams/upstream-server-edit-schema";

/**
 * The whole new env or header list `server edit` sends: every stored entry kept as it is (no
 * value: the hub keeps the stored one, secret or not), minus the unset names, with the set values
 * replacing or added. HubError validation_failed when an unset name is not stored.
 */
export function toConfigValueEdits(kind: "env" | "header", serverName: string, stored: readonly ConfigValueView[], changes: EntryFlagChanges): ConfigValueEdit[] {
  const names = stored.map((entry) => entry.name);
  for (const name of changes.unset) {
    if (!names.includes(name)) throw new HubError("validation_failed", `--unset-${kind} ${name}: server ${serverName} has no ${kind} ${name} (it has: ${names.join(", ") || "none"}).`);
  }
  const set = new Map(changes.set.map((entry) => [entry.name, entry]));
  const edits: ConfigValueEdit[] = stored.filter((entry) => !changes.unset.includes(entry.name) && !set.has(entry.name)).map((entry) => ({ name: entry.name }));
  for (const entry of set.values()) edits.push({ name: entry.name, value: entry.value, secret: entry.secret ?? true });
  return edits;
}
