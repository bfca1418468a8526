/** The hub's own sources, in the order their groups appear; upstream servers follow, by name. */
export const OWN_TOOL_SOURCES = { builtin: "Built-in", command: "Command tools" } as const;

/** A source's name for people: a kind's label, or the upstream server's own name. */
export function describeToolSource(source: string): string {
  return (OWN_TOOL_SOURCES as Record<string, string>)[source] ?? source;
}
