import { getOAuthEndpoints } from "@/lib/oauth/get-oauth-endpoints";

/**
 * The redirect back to the client: the authorization response parameters (`code`, or `error` and
 * `error_description`), `state` when the client sent one, and always `iss` (RFC 9207) so the
 * client can tell which server answered.
 */
export function buildAuthorizationRedirect(redirectUri: string, state: string | undefined, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  if (state !== undefined) url.searchParams.set("state", state);
  url.searchParams.set("iss", getOAuthEndpoints().issuer);
  return url.href;
}
