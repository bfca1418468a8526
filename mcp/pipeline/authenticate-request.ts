import type { Principal } from "@/lib/api-keys/principal";
import { resolvePrincipal } from "@/lib/api-keys/resolve-principal";
import { HubError } from "@/lib/errors/hub-error";
import { assertAuthAttemptAllowed, noteAuthFailure } from "@/lib/rate-limit/check-auth-failure-limit";

export interface AuthenticatedRequest {
  principal: Principal;
  /** The presented key, kept only for the duration of the request. */
  secret: string;
}

const BEARER_PREFIX = /^Bearer +/i;

/**
 * Turns the Authorization header into a principal (resolvePrincipal's cache makes this cheap and
 * honours revocations at once). An IP over its failed-authentication budget gets 429 before the
 * key is even looked at; each refused key counts against that budget. A request with no key at
 * all is not counted: clients probe for auth requirements that way.
 */
export async function authenticateRequest(request: { ip: string; authorization: string | undefined }): Promise<AuthenticatedRequest> {
  const { authorization, ip } = request;
  if (!authorization) throw new HubError("unauthorized", "Missing API key: send Authorization: Bearer <key>.");
  if (!BEARER_PREFIX.test(authorization)) throw new HubError("unauthorized", "Malformed Authorization header: expected Bearer <key>.");
  await assertAuthAttemptAllowed(ip);
  const secret = authorization.replace(BEARER_PREFIX, "").trim();
  try {
    return { principal: await resolvePrincipal(secret), secret };
  } catch (error) {
    if (error instanceof HubError && error.code === "unauthorized") {
      noteAuthFailure(ip).catch(() => {
        // The limiter logs its own faults; a failed count must not turn a 401 into a 500.
      });
    }
    throw error;
  }
}
