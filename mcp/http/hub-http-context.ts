import type { SessionRegistry } from "@/mcp/sessions/session-registry";

/** What every MCP route needs, built once per server. */
export interface HubHttpContext {
  registry: SessionRegistry;
  allowedHosts: ReadonlySet<string>;
  maxBodyBytes: number;
}
