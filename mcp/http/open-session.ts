import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { Principal } from "@/lib/api-keys/principal";
import { logger } from "@/lib/log/logger";
import { createSessionServer } from "@/mcp/sessions/create-session-server";
import type { HubSession, SessionChannel, SessionRegistry, SessionTransportKind } from "@/mcp/sessions/session-registry";

/**
 * Builds the session's MCP server for its principal, registers the session (bound to the key) and
 * connects the transport; the transport closing (socket gone, DELETE, expiry) frees it at once.
 */
export async function openSession(
  registry: SessionRegistry,
  options: { sessionId: string; transport: SessionTransportKind; principal: Principal; channel: Transport & SessionChannel },
): Promise<HubSession> {
  const { sessionId, channel, principal } = options;
  const { server, connect } = createSessionServer({ sessionId, transport: options.transport });
  const session: HubSession = {
    id: sessionId,
    transport: options.transport,
    keyId: principal.keyId,
    userId: principal.userId,
    principal,
    server,
    channel,
    lastActivityAt: Date.now(),
    initialized: false,
  };
  channel.onclose = () => registry.remove(sessionId);
  server.onerror = (error) => logger.warn({ err: error, sessionId }, "MCP session error");
  registry.add(session);
  await connect(channel);
  return session;
}
