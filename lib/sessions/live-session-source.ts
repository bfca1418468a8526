/** Live MCP sessions per transport. */
export type LiveSessionCounts = Record<"sse" | "streamable", number>;

/** Counts the live sessions of this process, all of them or one user's. */
export type LiveSessionSource = (filter: { userId?: string }) => LiveSessionCounts;

/**
 * Where the hub's session registry (mcp/) is plugged in for readers in lib/ and app/, so they
 * need not import mcp/. On globalThis: the Node server and Next's bundles are separate module graphs.
 */
export const liveSessionSourceHolder = globalThis as unknown as { switchboardLiveSessionSource?: LiveSessionSource };
