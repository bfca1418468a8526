import { LOOPBACK_HOSTS, OAUTH_POLICY } from "@/lib/oauth/oauth-policy";

// Schemes a browser would run or read locally instead of handing to an app.
const FORBIDDEN_SCHEMES = new Set(["javascript:", "data:", "file:", "vbscript:", "blob:", "about:", "ftp:", "ws:", "wss:"]);

/**
 * Whether a client may register this redirect URI: https anywhere, http only on loopback (a
 * native app's local listener), or an app's private-use scheme (RFC 8252 §7.1); never a
 * fragment, and bounded in length. Returns the reason when not. Pure.
 */
export function checkRedirectUri(uri: unknown): { ok: true; uri: string } | { ok: false; message: string } {
  if (typeof uri !== "string" || uri.length === 0 || uri.length > OAUTH_POLICY.maxUriLength) {
    return { ok: false, message: `redirect_uris must be strings of 1 to ${OAUTH_POLICY.maxUriLength} characters` };
  }
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { ok: false, message: `redirect URI ${JSON.stringify(uri.slice(0, 200))} is not an absolute URI` };
  }
  if (url.hash || uri.includes("#")) return { ok: false, message: `redirect URI ${uri} must not have a fragment` };
  if (FORBIDDEN_SCHEMES.has(url.protocol)) return { ok: false, message: `redirect URI ${uri} uses a scheme that cannot receive a code` };
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) {
    return { ok: false, message: `redirect URI ${uri} must use https (plain http only on 127.0.0.1, [::1] or localhost)` };
  }
  return { ok: true, uri };
}
