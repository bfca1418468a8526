import type { OAuthEndpoints } from "@/lib/oauth/get-oauth-endpoints";

/**
 * The hub resource a client's `resource` parameter names (RFC 8707), or null when it names
 * anything else. Scheme and host compare case-insensitively and a trailing slash is ignored
 * (the MCP specification asks servers to accept both); a fragment or query never matches.
 */
export function canonicalizeResource(value: string, endpoints: Pick<OAuthEndpoints, "resources">): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.hash || url.search || url.username || url.password) return null;
  const candidate = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  return endpoints.resources.find((resource) => resource === candidate || new URL(resource).href.replace(/\/+$/, "") === candidate) ?? null;
}
