/** One server rename as its audit event records it: its tools' names before and after, in the same order. */
export interface ToolRename {
  from: readonly string[];
  to: readonly string[];
}

/**
 * Each old name of a renamed server's tools → the name it has now, from the renames oldest first
 * (alpha → beta → gamma: alpha__echo and beta__echo both → gamma__echo). Names that are
 * `current` again (a server renamed back, a new server under the old name) are left out: they
 * are tools of their own now. A rename whose lists do not pair up is skipped.
 */
export function resolveRenamedToolNames(renames: readonly ToolRename[], current: ReadonlySet<string>): Map<string, string> {
  const next = new Map<string, string>();
  for (const rename of renames) {
    if (rename.from.length !== rename.to.length) continue;
    rename.from.forEach((from, index) => next.set(from, rename.to[index]));
  }
  const resolved = new Map<string, string>();
  for (const from of next.keys()) {
    if (current.has(from)) continue;
    // Followed to its end; a name seen twice is a loop (a → b → a of a server since removed): no name to give.
    const seen = new Set([from]);
    let name = next.get(from)!;
    while (next.has(name) && !current.has(name) && !seen.has(name)) {
      seen.add(name);
      name = next.get(name)!;
    }
    if (name !== from) resolved.set(from, name);
  }
  return resolved;
}
