/** Upstream resources are served as sb-upstream://SERVER/<the upstream's URI, percent-encoded>. */
const PREFIX = "sb-upstream://";

/** The hub's URI for an upstream's resource: namespaced per server, reversible, a valid URI. */
export function toHubResourceUri(server: string, uri: string): string {
  return `${PREFIX}${server}/${encodeURIComponent(uri)}`;
}

/** The server and upstream URI a hub resource URI names, or null when it names none. */
export function parseHubResourceUri(uri: string): { server: string; uri: string } | null {
  if (!uri.startsWith(PREFIX)) return null;
  const rest = uri.slice(PREFIX.length);
  const slash = rest.indexOf("/");
  if (slash <= 0) return null;
  try {
    return { server: rest.slice(0, slash), uri: decodeURIComponent(rest.slice(slash + 1)) };
  } catch {
    return null;
  }
}
