/**
 * The URL a remote upstream is requested at and the headers it is sent, from its configured URL
 * and headers: a user name and password in the URL (`https://user:pass@host/mcp`) become HTTP
 * Basic auth, as curl and browsers treat them, and leave the URL (fetch refuses a URL that
 * carries credentials, and a connection pool keyed by origin would silently drop them). A
 * configured Authorization header wins over them. Pure.
 */
export function splitUrlCredentials(url: string, headers: Readonly<Record<string, string>>): { url: URL; headers: Record<string, string> } {
  const target = new URL(url);
  const user = decodeOrSelf(target.username);
  const password = decodeOrSelf(target.password);
  target.username = "";
  target.password = "";
  const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === "authorization");
  if ((!user && !password) || hasAuthorization) return { url: target, headers: { ...headers } };
  return { url: target, headers: { ...headers, Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` } };
}

function decodeOrSelf(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
