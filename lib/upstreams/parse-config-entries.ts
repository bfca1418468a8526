import type { ConfigValueInput } from "@/lib/upstreams/upstream-server-schema";

/**
 * Parses "K=V" environment entries or "Name: value" header entries, as the CLI and the console
 * take them, marking each secret or not. Returns the entries, or a message naming the form
 * expected (never echoing the entry, which may be a secret).
 */
export function parseConfigEntries(raw: readonly string[], kind: "env" | "header", secret: boolean): { ok: true; entries: ConfigValueInput[] } | { ok: false; message: string } {
  const separator = kind === "env" ? "=" : ":";
  const entries: ConfigValueInput[] = [];
  for (const entry of raw) {
    const at = entry.indexOf(separator);
    if (at <= 0) return { ok: false, message: kind === "env" ? "needs the form K=V" : 'needs the form "Name: value" (a header without a colon)' };
    entries.push({ name: entry.slice(0, at).trim(), value: kind === "env" ? entry.slice(at + 1) : entry.slice(at + 1).trim(), secret });
  }
  return { ok: true, entries };
}
