import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { HubError } from "@/lib/errors/hub-error";
import type { HubSession } from "@/mcp/sessions/session-registry";

/**
 * Refuses (HubError invalid_request, 400) an initialize on a session that already received one,
 * or more than one in a POST: a second handshake would swap the client's identity and
 * capabilities under a live session. Marks the session as initialized when the POST carries its
 * first initialize, before any message reaches the server (so two racing POSTs cannot both pass).
 */
export function assertFirstInitialize(session: HubSession, messages: readonly JSONRPCMessage[]): void {
  let initializes = 0;
  for (const message of messages) if ("method" in message && message.method === "initialize") initializes += 1;
  if (initializes === 0) return;
  if (session.initialized || initializes > 1) {
    throw new HubError("invalid_request", "This session is already initialized: initialize once per session, or open a new session to start over.");
  }
  session.initialized = true;
}
