import type { Principal } from "@/lib/api-keys/principal";
import { resolvePrincipal } from "@/lib/api-keys/resolve-principal";
import { HubError } from "@/lib/errors/hub-error";
import { assertAuthAttemptAllowed, noteAuthFailure } from "@/lib/rate-limit/check-auth-failure-limit";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/policies";

/** Most IPs ever tracked as suspects; the oldest is dropped beyond it. */
const MAX_SUSPECTS = 10_000;
const SUSPECT_MS = RATE_LIMIT_POLICIES.authFailures.windowSeconds * 1000;

// IPs that failed to authenticate on this instance within the failure window → last failure time.
// Only they pay for the shared failure-limit lookup (a Redis round trip when REDIS_URL is set);
// an IP failing elsewhere becomes a suspect here at its first failure here.
const globalForSuspects = globalThis as unknown as { switchboardAuthSuspects?: Map<string, number> };
const suspects = (globalForSuspects.switchboardAuthSuspects ??= new Map());

/**
 * Turns the Authorization header into a principal (resolvePrincipal's cache makes this cheap and
 * honours revocations at once; it names the cause: missing, malformed, unknown, revoked, expired,
 * disabled owner). An IP that failed recently and is over its failed-authentication budget gets
 * 429 before its key is looked at; each refused key counts against that budget. A request with
 * no header at all is not counted: clients probe for auth requirements that way.
 */
export async function authenticateApiKey(request: { ip: string; authorization: string | null | undefined }): Promise<Principal> {
  const { authorization, ip } = request;
  if (!authorization) return resolvePrincipal(authorization);
  const lastFailure = suspects.get(ip);
  if (lastFailure !== undefined) {
    if (Date.now() - lastFailure < SUSPECT_MS) await assertAuthAttemptAllowed(ip);
    else suspects.delete(ip);
  }
  try {
    return await resolvePrincipal(authorization);
  } catch (error) {
    if (error instanceof HubError && error.code === "unauthorized") noteFailure(ip);
    throw error;
  }
}

function noteFailure(ip: string): void {
  suspects.delete(ip);
  if (suspects.size >= MAX_SUSPECTS) suspects.delete(suspects.keys().next().value as string);
  suspects.set(ip, Date.now());
  noteAuthFailure(ip).catch(() => {
    // The limiter logs its own faults; a failed count must not turn a 401 into a 500.
  });
}
