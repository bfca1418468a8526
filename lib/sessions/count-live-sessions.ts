import { liveSessionSourceHolder, type LiveSessionCounts } from "@/lib/sessions/live-session-source";

/** Live MCP sessions per transport on this instance (one user's with `userId`); none before the hub plugs its registry in. */
export function countLiveSessions(filter: { userId?: string } = {}): LiveSessionCounts {
  return liveSessionSourceHolder.switchboardLiveSessionSource?.(filter) ?? { sse: 0, streamable: 0 };
}
