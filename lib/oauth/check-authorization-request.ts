import type { OAuthClient } from "@/lib/generated/prisma/client";
import { buildAuthorizationRedirect } from "@/lib/oauth/build-authorization-redirect";
import { canonicalizeResource } from "@/lib/oauth/canonicalize-resource";
import { findOAuthClient } from "@/lib/oauth/find-oauth-client";
import { getOAuthEndpoints } from "@/lib/oauth/get-oauth-endpoints";
import { matchRedirectUri } from "@/lib/oauth/match-redirect-uri";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { OAUTH_POLICY, PKCE_METHOD } from "@/lib/oauth/oauth-policy";

/** An authorization request that passed every check: what the consent page shows and a code binds. */
export interface AuthorizationRequest {
  client: OAuthClient;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  resource: string;
}

export type AuthorizationRequestCheck =
  | { ok: true; request: AuthorizationRequest }
  /** The client or redirect URI cannot be trusted: show the error, never redirect (open-redirect rule, RFC 6749 §4.1.2.1). */
  | { ok: false; redirect: null; message: string }
  /** Anything else: send the error back to the client's redirect URI. */
  | { ok: false; redirect: string; message: string };

const CODE_CHALLENGE = /^[A-Za-z0-9._~-]{43,128}$/;

/**
 * Checks an authorization request's query parameters (each given once): the client and its
 * exact redirect URI first, then response_type `code`, a PKCE S256 challenge, a `resource` that
 * is one of this hub's MCP endpoints (RFC 8707; absent: /mcp) and a bounded `state`.
 */
export async function checkAuthorizationRequest(params: Record<string, string | string[] | undefined>): Promise<AuthorizationRequestCheck> {
  const single = (name: string): string | undefined => {
    const value = params[name];
    return Array.isArray(value) ? undefined : value;
  };
  for (const name of ["client_id", "redirect_uri", "response_type", "code_challenge", "code_challenge_method", "state"]) {
    if (Array.isArray(params[name])) return { ok: false, redirect: null, message: `The ${name} parameter was sent more than once.` };
  }
  let client: OAuthClient;
  try {
    client = await findOAuthClient(single("client_id"));
  } catch (error) {
    if (error instanceof OAuthError) return { ok: false, redirect: null, message: error.message };
    throw error;
  }
  const requestedUri = single("redirect_uri") ?? (client.redirectUris.length === 1 ? client.redirectUris[0] : undefined);
  if (requestedUri === undefined) return { ok: false, redirect: null, message: "redirect_uri is required: this client registered more than one." };
  if (!matchRedirectUri(requestedUri, client.redirectUris)) {
    return { ok: false, redirect: null, message: `The redirect URI ${requestedUri.slice(0, 200)} is not registered for ${client.name}.` };
  }
  const state = single("state");
  const fail = (error: string, description: string): AuthorizationRequestCheck => ({
    ok: false,
    message: description,
    redirect: buildAuthorizationRedirect(requestedUri, state !== undefined && state.length <= OAUTH_POLICY.maxStateLength ? state : undefined, { error, error_description: description }),
  });
  if (state !== undefined && state.length > OAUTH_POLICY.maxStateLength) return fail("invalid_request", `state must be at most ${OAUTH_POLICY.maxStateLength} characters.`);
  if (single("response_type") !== "code") return fail("unsupported_response_type", 'Only response_type "code" is supported.');
  const codeChallenge = single("code_challenge");
  if (codeChallenge === undefined || !CODE_CHALLENGE.test(codeChallenge)) return fail("invalid_request", "A PKCE code_challenge (43 to 128 characters) is required.");
  if (single("code_challenge_method") !== PKCE_METHOD) return fail("invalid_request", `code_challenge_method must be ${PKCE_METHOD}.`);
  const endpoints = getOAuthEndpoints();
  const resources = params.resource === undefined ? [endpoints.resources[0]] : [params.resource].flat();
  if (resources.length !== 1) return fail("invalid_target", "Ask for one resource per authorization.");
  const resource = canonicalizeResource(resources[0], endpoints);
  if (resource === null) return fail("invalid_target", `This server issues tokens only for ${endpoints.resources.join(", ")}.`);
  return { ok: true, request: { client, redirectUri: requestedUri, state, codeChallenge, resource } };
}
