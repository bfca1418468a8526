import { getEnv, type Env } from "@/lib/env";

/** The paths of the MCP endpoints a token may be bound to (RFC 8707 resources). */
export const MCP_RESOURCE_PATHS = ["/mcp", "/sse"] as const;

export interface OAuthEndpoints {
  /** The issuer identifier (RFC 8414 §2): the hub's public URL. */
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  registrationEndpoint: string;
  revocationEndpoint: string;
  /** Resource identifiers tokens may be issued for: each MCP endpoint and the hub as a whole. */
  resources: readonly string[];
  /** The protected resource metadata URL for a resource path (RFC 9728 §3.1: path inserted after the well-known prefix). */
  resourceMetadataUrl(resourcePath: string): string;
}

/** Where the authorization server lives, derived from SWITCHBOARD_PUBLIC_URL. */
export function getOAuthEndpoints(env: Pick<Env, "publicUrl"> = getEnv()): OAuthEndpoints {
  const base = env.publicUrl;
  return {
    issuer: base,
    authorizationEndpoint: `${base}/oauth/authorize`,
    tokenEndpoint: `${base}/oauth/token`,
    registrationEndpoint: `${base}/oauth/register`,
    revocationEndpoint: `${base}/oauth/revoke`,
    resources: [...MCP_RESOURCE_PATHS.map((path) => `${base}${path}`), base],
    resourceMetadataUrl: (resourcePath) => `${base}/.well-known/oauth-protected-resource${resourcePath === "/" ? "" : resourcePath}`,
  };
}
