import { getOAuthEndpoints, type OAuthEndpoints } from "@/lib/oauth/get-oauth-endpoints";

/**
 * RFC 9728 protected resource metadata for one of the hub's resources (`/mcp`, `/sse`, or the
 * hub as a whole for the root document): the hub is its own authorization server, and tokens
 * travel only in the Authorization header.
 */
export function buildProtectedResourceMetadata(resource: string, endpoints: OAuthEndpoints = getOAuthEndpoints()): Record<string, unknown> {
  return {
    resource,
    authorization_servers: [endpoints.issuer],
    bearer_methods_supported: ["header"],
    resource_name: "Switchboard",
  };
}
