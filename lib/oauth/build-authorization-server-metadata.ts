import { getOAuthEndpoints, type OAuthEndpoints } from "@/lib/oauth/get-oauth-endpoints";
import { OAUTH_GRANT_TYPES, PKCE_METHOD } from "@/lib/oauth/oauth-policy";

/**
 * RFC 8414 authorization server metadata. Public clients only (no client secrets: `none`), PKCE
 * S256 only, `iss` in every authorization response (RFC 9207), Client ID Metadata Documents
 * preferred and RFC 7591 registration for older clients. No scopes: what a token may do is the
 * user's tools, narrowed on the consent page.
 */
export function buildAuthorizationServerMetadata(endpoints: OAuthEndpoints = getOAuthEndpoints()): Record<string, unknown> {
  return {
    issuer: endpoints.issuer,
    authorization_endpoint: endpoints.authorizationEndpoint,
    token_endpoint: endpoints.tokenEndpoint,
    registration_endpoint: endpoints.registrationEndpoint,
    revocation_endpoint: endpoints.revocationEndpoint,
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: [...OAUTH_GRANT_TYPES],
    code_challenge_methods_supported: [PKCE_METHOD],
    token_endpoint_auth_methods_supported: ["none"],
    revocation_endpoint_auth_methods_supported: ["none"],
    authorization_response_iss_parameter_supported: true,
    client_id_metadata_document_supported: true,
  };
}
