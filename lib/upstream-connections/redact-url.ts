/** What a URL's secret parts read as when shown: `https://user:***@host/mcp?token=***`. */
export const URL_SECRET_PLACEHOLDER = "***";

/**
 * A server URL as it may be shown (API, CLI, console, audit log, error text): the password and
 * every query value (a bare query entry too: `?sk-123` is a token) and any fragment read "***",
 * and so does a user name without a password (`https://TOKEN@host`, as git hosts take a token:
 * alone it is the whole credential); the scheme, a user name beside a password, host, port, path
 * and query names stay, so an admin can still tell which endpoint it is and which parameters it
 * carries. Pure and idempotent (a shown URL comes back
 * unchanged). Text that is not a URL is withheld whole: it cannot be told apart.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return URL_SECRET_PLACEHOLDER;
  }
  if (parsed.password) parsed.password = URL_SECRET_PLACEHOLDER;
  else if (parsed.username) parsed.username = URL_SECRET_PLACEHOLDER;
  // Rebuilt from the raw text rather than through searchParams, which would re-encode every name.
  const query = parsed.search
    .slice(1)
    .split("&")
    .map((entry) => (entry === "" ? entry : entry.includes("=") ? `${entry.slice(0, entry.indexOf("="))}=${entry.endsWith("=") ? "" : URL_SECRET_PLACEHOLDER}` : URL_SECRET_PLACEHOLDER))
    .join("&");
  parsed.search = "";
  parsed.hash = "";
  return `${parsed.href}${query ? `?${query}` : ""}${new URL(url).hash ? `#${URL_SECRET_PLACEHOLDER}` : ""}`;
}
