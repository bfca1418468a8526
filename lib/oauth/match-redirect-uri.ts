import { LOOPBACK_HOSTS } from "@/lib/oauth/oauth-policy";

/**
 * Whether a redirect URI presented in an authorization or token request is one the client
 * registered: an exact string match, except that for http loopback URIs the port may differ
 * (native apps listen on an ephemeral port; RFC 8252 §7.3, OAuth 2.1 §8.4.2). Pure.
 */
export function matchRedirectUri(requested: string, registered: readonly string[]): boolean {
  if (registered.includes(requested)) return true;
  const asked = loopbackParts(requested);
  if (!asked) return false;
  return registered.some((uri) => {
    const candidate = loopbackParts(uri);
    return candidate !== null && candidate.host === asked.host && candidate.rest === asked.rest;
  });
}

function loopbackParts(uri: string): { host: string; rest: string } | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  return { host: url.hostname, rest: `${url.pathname}${url.search}` };
}
