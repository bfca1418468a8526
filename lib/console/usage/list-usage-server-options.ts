/**
 * The upstream servers a usage filter offers: the given ones (those of the viewer's callable
 * tools, or of the ranked tools; findToolServers), once each, plus the one already chosen so the
 * form shows it; sorted. Pure.
 */
export function listUsageServerOptions(servers: Iterable<string>, chosen: string | null | undefined): string[] {
  const options = new Set(servers);
  if (chosen) options.add(chosen);
  return [...options].sort();
}
