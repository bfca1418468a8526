/**
 * The secret parts of a server URL, each as written and decoded: the password (or a user name
 * without one, redactUrl says why), every query value (a bare entry whole) and the fragment. Error text is blanked of these (redactConfiguredValues):
 * an upstream's error page or a redirect's Location may echo them. Empty for text that is not a URL.
 */
export function listUrlSecrets(url: string | null): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url ?? "");
  } catch {
    return [];
  }
  const raw = [parsed.password || parsed.username, parsed.hash.slice(1)];
  for (const entry of parsed.search.slice(1).split("&")) raw.push(entry.includes("=") ? entry.slice(entry.indexOf("=") + 1) : entry);
  return [...new Set(raw.filter(Boolean).flatMap((part) => [part, decodeOrSelf(part)]))];
}

function decodeOrSelf(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    return part;
  }
}
