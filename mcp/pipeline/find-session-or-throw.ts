import type { Principal } from "@/lib/api-keys/principal";
import { HubError } from "@/lib/errors/hub-error";
import type { HubSession, SessionRegistry, SessionTransportKind } from "@/mcp/sessions/session-registry";

/**
 * The live session a request names, or HubError: not_found for an unknown (expired, closed, other
 * instance's) id or a session of the other transport; forbidden when the session was opened
 * with a different key (sessions are bound to their key). The session then holds the request's
 * principal (a role may have changed since it opened): it decides what the session is told.
 */
export function findSessionOrThrow(
  registry: SessionRegistry,
  request: { sessionId: string; principal: Principal; transport: SessionTransportKind },
): HubSession {
  const session = registry.get(request.sessionId);
  if (!session || session.transport !== request.transport) {
    throw new HubError("not_found", "Session not found: it expired or was closed. Open a new session.");
  }
  if (session.keyId !== request.principal.keyId) {
    throw new HubError("forbidden", "This session belongs to another API key.");
  }
  session.principal = request.principal;
  return session;
}
