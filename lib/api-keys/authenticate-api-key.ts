import { hashApiKey } from "@/lib/api-keys/hash-api-key";
import { API_KEY_MESSAGES, parseApiKey } from "@/lib/api-keys/parse-api-key";
import type { Principal } from "@/lib/api-keys/principal";
import { resolvePrincipal } from "@/lib/api-keys/resolve-principal";
import { HubError } from "@/lib/errors/hub-error";
import { isOAuthEnabled } from "@/lib/oauth/is-oauth-enabled";
import { ACCESS_TOKEN_MESSAGES, resolveAccessTokenPrincipal } from "@/lib/oauth/resolve-access-token-principal";
import { chargeAuthFailure } from "@/lib/rate-limit/charge-auth-failure";

// Refusals of a key (or token) that exists: its owner's forgotten agents retry it forever (SDK
// and EventSource reconnects), so they count against that credential, never against the address
// it comes from (behind NAT or a proxy, one address is everyone).
const KNOWN_KEY_REFUSALS: ReadonlySet<string> = new Set([
  API_KEY_MESSAGES.revoked,
  API_KEY_MESSAGES.expired,
  API_KEY_MESSAGES.disabledUser,
  ACCESS_TOKEN_MESSAGES.revoked,
  ACCESS_TOKEN_MESSAGES.expired,
  ACCESS_TOKEN_MESSAGES.disabledUser,
]);

// Access tokens are JWTs (three base64url parts); anything else is judged as a key, so a mistyped
// key still gets the key's own "malformed" message.
const JWT_BEARER = /^bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/i;

/**
 * Turns the Authorization header into a principal (resolvePrincipal's cache makes this cheap and
 * honours revocations at once; it names the cause: missing, malformed, unknown, revoked, expired,
 * disabled owner). With OAuth on, a JWT-shaped bearer (never an `sb_` key) is an access token
 * (resolveAccessTokenPrincipal), resolving to the same principal type. A valid credential always
 * gets through. Each refused one is charged to a failed-authentication budget: the address's for
 * unknown or malformed ones, the credential's own for a revoked or expired one; over budget the
 * refusal is 429 instead of 401. A request with no header at all is not counted: clients probe
 * for auth requirements that way.
 */
export async function authenticateApiKey(request: { ip: string; authorization: string | null | undefined }): Promise<Principal> {
  const { authorization, ip } = request;
  const token = authorization ? oauthBearerOf(authorization) : null;
  try {
    return await (token === null ? resolvePrincipal(authorization) : resolveAccessTokenPrincipal(token));
  } catch (error) {
    if (!authorization || !(error instanceof HubError && error.code === "unauthorized")) throw error;
    await chargeAuthFailure(failureSubject(authorization, token, error.message, ip), ip);
    throw error;
  }
}

/** The bearer value when it is an OAuth access token (OAuth on, JWT-shaped, so never an `sb_` key), else null. */
function oauthBearerOf(authorization: string): string | null {
  if (!isOAuthEnabled()) return null;
  return JWT_BEARER.exec(authorization.trim())?.[1] ?? null;
}

function failureSubject(authorization: string, token: string | null, message: string, ip: string): string {
  if (!KNOWN_KEY_REFUSALS.has(message)) return ip;
  if (token !== null) return `token:${hashApiKey(token).slice(0, 32)}`;
  const parsed = parseApiKey(authorization);
  return parsed.ok ? `key:${hashApiKey(parsed.key).slice(0, 32)}` : ip;
}
