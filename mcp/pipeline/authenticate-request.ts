import type { Principal } from "@/lib/api-keys/principal";
import { resolvePrincipal } from "@/lib/api-keys/resolve-principal";
import { HubError } from "@/lib/errors/hub-error";
import { assertAuthAttemptAllowed, noteAuthFailure } from "@/lib/rate-limit/check-auth-failure-limit";

export interface AuthenticatedRequest {
  principal: Principal;
}

/**
 * Turns the Authorization header into a principal (resolvePrincipal's cache makes this cheap and
 * honours revocations at once; it names the cause: missing, malformed, unknown, revoked, expired,
 * disabled owner). An IP over its failed-authentication budget gets 429 before its key is looked
 * at; each refused key counts against that budget. A request with no header at all is not
 * counted: clients probe for auth requirements that way.
 */
export async function authenticateRequest(request: { ip: string; authorization: string | undefined }): Promise<AuthenticatedRequest> {
  const { authorization, ip } = request;
  if (!authorization) return { principal: await resolvePrincipal(authorization) };
  await assertAuthAttemptAllowed(ip);
  try {
    return { principal: await resolvePrincipal(authorization) };
  } catch (error) {
    if (error instanceof HubError && error.code === "unauthorized") {
      noteAuthFailure(ip).catch(() => {
        // The limiter logs its own faults; a failed count must not turn a 401 into a 500.
      });
    }
    throw error;
  }
}
