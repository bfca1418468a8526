import type { SessionRegistry } from "@/mcp/sessions/session-registry";
import type { SubscriptionRegistry } from "@/mcp/stateless/subscription-registry";

/** What every MCP route needs, built once per server. */
export interface HubHttpContext {
  registry: SessionRegistry;
  /** 2026-07-28 subscriptions/listen streams. */
  subscriptions: SubscriptionRegistry;
  allowedHosts: ReadonlySet<string>;
  maxBodyBytes: number;
  /** Most bytes an event stream may hold unsent before its session is closed (SWITCHBOARD_MAX_STREAM_BUFFER_BYTES). */
  maxStreamBufferBytes: number;
  /** Whether X-Forwarded-For comes from a trusted reverse proxy (SWITCHBOARD_TRUST_PROXY). */
  trustProxy: boolean;
  /** Whether the OAuth authorization server's endpoints are served (isOAuthEnabled). */
  oauth: boolean;
  /** Set once shutdown begins: readiness fails first, then answers carry `Connection: close`. */
  draining: boolean;
}
