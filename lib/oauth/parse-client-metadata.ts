import { checkRedirectUri } from "@/lib/oauth/check-redirect-uri";
import { OAUTH_GRANT_TYPES, OAUTH_POLICY } from "@/lib/oauth/oauth-policy";

export interface ClientMetadata {
  name: string;
  clientUri: string | null;
  redirectUris: string[];
}

/**
 * Validates client metadata, from an RFC 7591 registration request or a Client ID Metadata
 * Document: 1 to 10 acceptable redirect URIs (duplicates dropped), a bounded client name, client
 * URI and type lists, and only what this server supports (public clients: token_endpoint_auth_method `none`; the code and refresh grants;
 * response type `code`). Pure; the message says what to change.
 */
export function parseClientMetadata(value: unknown, fallbackName: string): { ok: true; metadata: ClientMetadata } | { ok: false; message: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, message: "client metadata must be a JSON object" };
  const body = value as Record<string, unknown>;
  const uris = body.redirect_uris;
  if (!Array.isArray(uris) || uris.length === 0 || uris.length > OAUTH_POLICY.maxRedirectUris) {
    return { ok: false, message: `redirect_uris must list 1 to ${OAUTH_POLICY.maxRedirectUris} redirect URIs` };
  }
  const redirectUris: string[] = [];
  for (const uri of uris) {
    const checked = checkRedirectUri(uri);
    if (!checked.ok) return checked;
    if (!redirectUris.includes(checked.uri)) redirectUris.push(checked.uri);
  }
  const authMethod = body.token_endpoint_auth_method ?? "none";
  if (authMethod !== "none") return { ok: false, message: `token_endpoint_auth_method ${JSON.stringify(authMethod)} is not supported: register a public client ("none") and use PKCE` };
  const grantTypes = body.grant_types ?? ["authorization_code"];
  if (!Array.isArray(grantTypes) || grantTypes.length > OAUTH_POLICY.maxListEntries || grantTypes.some((grant) => !(OAUTH_GRANT_TYPES as readonly unknown[]).includes(grant))) {
    return { ok: false, message: `grant_types may only include ${OAUTH_GRANT_TYPES.join(" and ")} (at most ${OAUTH_POLICY.maxListEntries} entries)` };
  }
  const responseTypes = body.response_types ?? ["code"];
  if (!Array.isArray(responseTypes) || responseTypes.length > OAUTH_POLICY.maxListEntries || responseTypes.some((type) => type !== "code")) {
    return { ok: false, message: `response_types may only include "code" (at most ${OAUTH_POLICY.maxListEntries} entries)` };
  }
  const rawName = body.client_name ?? fallbackName;
  if (typeof rawName !== "string" || rawName.trim().length === 0 || rawName.length > OAUTH_POLICY.maxClientNameLength) {
    return { ok: false, message: `client_name must be 1 to ${OAUTH_POLICY.maxClientNameLength} characters` };
  }
  const clientUri = body.client_uri;
  if (clientUri !== undefined && !(typeof clientUri === "string" && clientUri.length <= OAUTH_POLICY.maxUriLength && /^https?:\/\//i.test(clientUri))) {
    return { ok: false, message: "client_uri must be an http(s) URL" };
  }
  // Control characters would let a name spoof other text on the consent page.
  const name = rawName.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return { ok: true, metadata: { name, clientUri: typeof clientUri === "string" ? clientUri : null, redirectUris } };
}
