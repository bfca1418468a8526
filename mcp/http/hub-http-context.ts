import type { SessionRegistry } from "@/mcp/sessions/session-registry";

/** What every MCP route needs, built once per server. */
export interface HubHttpContext {
  registry: SessionRegistry;
  allowedHosts: ReadonlySet<string>;
  maxBodyBytes: number;
  /** Whether X-Forwarded-For comes from a trusted reverse proxy (SWITCHBOARD_TRUST_PROXY). */
  trustProxy: boolean;
  /** Set once shutdown begins: readiness fails first, then answers carry `Connection: close`. */
  draining: boolean;
}
