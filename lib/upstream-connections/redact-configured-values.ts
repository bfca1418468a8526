import { listUrlSecrets } from "@/lib/upstream-connections/list-url-secrets";
import { redactUrl } from "@/lib/upstream-connections/redact-url";
import { splitUrlCredentials } from "@/lib/upstream-connections/split-url-credentials";
import type { UpstreamConfig } from "@/lib/upstream-connections/upstream-config";

/** An auth-scheme value: "Bearer TOKEN", "Basic BASE64", "token TOKEN" (one word, then one credential). */
const SCHEME_VALUE = /^[A-Za-z][A-Za-z0-9._-]*\s+(\S+)$/;
/** A credential part shorter than this is not redacted on its own (it would blank common words). */
const MIN_PART_CHARS = 8;

/**
 * Error text with every configured env/header value blanked: a server's stderr or an HTTP error
 * may echo them, and this text is logged, stored and shown on the Servers page. Whole values are
 * blanked wherever they appear (also inside longer text), and so is the credential of an
 * auth-scheme value on its own ("Bearer X": an upstream's 401 page saying "invalid token X"
 * would otherwise carry X out), for Basic also the user:password it encodes and the password.
 * The server URL is shown as redactUrl shows it, and its secret parts (password, query values,
 * and the Basic header its user and password are sent as) are blanked wherever else they appear.
 */
export function redactConfiguredValues(text: string, config: UpstreamConfig): string {
  const secrets = new Set<string>();
  const headers = config.url ? urlHeaders(config) : config.headers;
  for (const value of [...Object.values(config.env), ...Object.values(headers), ...listUrlSecrets(config.url)]) {
    if (value.length >= 4) secrets.add(value);
    for (const part of credentialParts(value.trim())) if (part.length >= MIN_PART_CHARS) secrets.add(part);
  }
  let redacted = config.url ? text.split(config.url).join(redactUrl(config.url)) : text;
  // Longest first, so a whole value is blanked as one ("[secret]", not "Bearer [secret]").
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) redacted = redacted.split(secret).join("[secret]");
  return redacted;
}

function credentialParts(value: string): string[] {
  const credential = SCHEME_VALUE.exec(value)?.[1];
  if (!credential) return [];
  if (!/^basic\s/i.test(value)) return [credential];
  const decoded = Buffer.from(credential, "base64").toString("utf8");
  const password = decoded.slice(decoded.indexOf(":") + 1);
  return decoded.includes(":") && /^[\x20-\x7e]+$/.test(decoded) ? [credential, decoded, password] : [credential];
}

/** The headers a remote server is sent, its URL's user and password among them as Basic auth. */
function urlHeaders(config: UpstreamConfig): Readonly<Record<string, string>> {
  try {
    return splitUrlCredentials(config.url ?? "", config.headers).headers;
  } catch {
    return config.headers;
  }
}
