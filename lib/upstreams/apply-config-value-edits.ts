import { SECRET_PLACEHOLDER } from "@/lib/upstreams/stored-config-value";
import type { ConfigValueEdit } from "@/lib/upstreams/upstream-server-edit-schema";

/** A configured value in clear, as it is connected with. */
export interface PlainConfigValue {
  name: string;
  value: string;
  secret: boolean;
}

/**
 * The env or header list an edit describes, from the current values (decrypted) and the edited
 * list (undefined: unchanged). Pure. Refuses, naming the entry (never its value): a name listed
 * twice, a kept value that is not stored, a secret made plain without its value (that would show a
 * secret back), and the "[secret]" placeholder sent back as if it were the value.
 */
export function applyConfigValueEdits(
  field: "env" | "headers",
  current: readonly PlainConfigValue[],
  edits: readonly ConfigValueEdit[] | undefined,
): { ok: true; values: PlainConfigValue[] } | { ok: false; message: string } {
  if (edits === undefined) return { ok: true, values: [...current] };
  const stored = new Map(current.map((entry) => [entry.name, entry]));
  const seen = new Set<string>();
  const values: PlainConfigValue[] = [];
  for (const edit of edits) {
    const refuse = (why: string) => ({ ok: false as const, message: `${field}: ${edit.name} ${why}` });
    if (seen.has(edit.name)) return refuse("is listed twice");
    seen.add(edit.name);
    const before = stored.get(edit.name);
    if (edit.value === undefined) {
      if (!before) return refuse("has no stored value to keep; give its value");
      if (before.secret && edit.secret === false) return refuse("is secret: give its value again to make it plain (a secret is never shown back)");
      values.push({ name: edit.name, value: before.value, secret: edit.secret ?? before.secret });
      continue;
    }
    if (edit.value === SECRET_PLACEHOLDER && before?.secret) return refuse(`is "${SECRET_PLACEHOLDER}", the placeholder shown for a secret: omit value to keep the stored one`);
    values.push({ name: edit.name, value: edit.value, secret: edit.secret ?? before?.secret ?? true });
  }
  return { ok: true, values };
}
