import { hashApiKey } from "@/lib/api-keys/hash-api-key";
import { API_KEY_MESSAGES, parseApiKey } from "@/lib/api-keys/parse-api-key";
import type { Principal } from "@/lib/api-keys/principal";
import { resolvePrincipal } from "@/lib/api-keys/resolve-principal";
import { HubError } from "@/lib/errors/hub-error";
import { chargeAuthFailure } from "@/lib/rate-limit/charge-auth-failure";

// Refusals of a key that exists: its owner's forgotten agents retry it forever (SDK and
// EventSource reconnects), so they count against that key, never against the address it comes
// from (behind NAT or a proxy, one address is everyone).
const KNOWN_KEY_REFUSALS: ReadonlySet<string> = new Set([API_KEY_MESSAGES.revoked, API_KEY_MESSAGES.expired, API_KEY_MESSAGES.disabledUser]);

/**
 * Turns the Authorization header into a principal (resolvePrincipal's cache makes this cheap and
 * honours revocations at once; it names the cause: missing, malformed, unknown, revoked, expired,
 * disabled owner). A valid key always gets through. Each refused key is charged to a
 * failed-authentication budget: the address's for unknown or malformed keys, the key's own for a
 * revoked or expired one; over budget the refusal is 429 instead of 401. A request with no header
 * at all is not counted: clients probe for auth requirements that way.
 */
export async function authenticateApiKey(request: { ip: string; authorization: string | null | undefined }): Promise<Principal> {
  const { authorization, ip } = request;
  try {
    return await resolvePrincipal(authorization);
  } catch (error) {
    if (!authorization || !(error instanceof HubError && error.code === "unauthorized")) throw error;
    await chargeAuthFailure(failureSubject(authorization, error.message, ip), ip);
    throw error;
  }
}

function failureSubject(authorization: string, message: string, ip: string): string {
  const parsed = parseApiKey(authorization);
  if (!parsed.ok || !KNOWN_KEY_REFUSALS.has(message)) return ip;
  return `key:${hashApiKey(parsed.key).slice(0, 32)}`;
}
