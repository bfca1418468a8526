import { getOAuthEndpoints } from "@/lib/oauth/get-oauth-endpoints";
import { isOAuthEnabled } from "@/lib/oauth/is-oauth-enabled";

/**
 * The WWW-Authenticate value of a 401 from an MCP endpoint. With OAuth on it names the
 * endpoint's protected resource metadata (RFC 9728 §5.1), which is how clients such as Claude
 * Code discover that they can sign in; `invalid_token` (RFC 6750 §3.1) when a credential was sent.
 */
export function buildBearerChallenge(resourcePath: string, credentialSent: boolean): string {
  const realm = 'Bearer realm="switchboard"';
  if (!isOAuthEnabled()) return realm;
  const metadata = `resource_metadata="${getOAuthEndpoints().resourceMetadataUrl(resourcePath)}"`;
  return credentialSent ? `${realm}, ${metadata}, error="invalid_token"` : `${realm}, ${metadata}`;
}
