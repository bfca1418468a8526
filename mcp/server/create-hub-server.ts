import { createServer, type Server } from "node:http";
import type { Principal } from "@/lib/api-keys/principal";
import type { Env } from "@/lib/env";
import { isOAuthEnabled } from "@/lib/oauth/is-oauth-enabled";
import { getUpstreamResourceSubscriptions } from "@/lib/upstreams/upstream-resource-subscriptions";
import type { HubHttpContext } from "@/mcp/http/hub-http-context";
import { routeHubRequest, type FallbackHandler } from "@/mcp/http/route-hub-request";
import { listAllowedHosts } from "@/mcp/pipeline/list-allowed-hosts";
import { listVisibleServers } from "@/mcp/pipeline/list-visible-servers";
import { getSessionRegistry } from "@/mcp/sessions/session-registry";
import { SubscriptionRegistry } from "@/mcp/stateless/subscription-registry";

/** The hub's HTTP server plus what graceful shutdown needs to know. */
export interface HubServer {
  server: Server;
  context: HubHttpContext;
  /** Requests whose answer has not finished, event streams (GET /sse, GET /mcp) excepted. */
  inFlight(): number;
  /** Open client connections (idle keep-alive ones included), event streams' excepted. */
  connections(): number;
}

/**
 * The hub's node:http server: MCP and metrics routes served directly, everything else to
 * `fallback`. Not listening yet; the session registry is started with the configured TTL.
 */
export function createHubServer(env: Env, fallback: FallbackHandler): HubServer {
  // An upstream's own resources/prompts changes and resource updates go only to those who may see that server.
  const maySeeServer = async (principal: Principal, server: string) => (await listVisibleServers(principal)).has(server);
  getUpstreamResourceSubscriptions().configure({ maySeeServer });
  const registry = getSessionRegistry();
  registry.start({ ttlSeconds: env.SWITCHBOARD_SESSION_TTL_SECONDS, maxSessions: env.SWITCHBOARD_MAX_SESSIONS, maxSessionsPerKey: env.SWITCHBOARD_MAX_SESSIONS_PER_KEY, maxSessionsPerUser: env.SWITCHBOARD_MAX_SESSIONS_PER_USER, maySeeServer });
  const subscriptions = new SubscriptionRegistry();
  subscriptions.start({ maxPerKey: env.SWITCHBOARD_MAX_SESSIONS_PER_KEY, maySeeServer });
  const context: HubHttpContext = { registry, subscriptions, allowedHosts: listAllowedHosts(env), maxBodyBytes: env.SWITCHBOARD_MAX_BODY_BYTES, maxStreamBufferBytes: env.SWITCHBOARD_MAX_STREAM_BUFFER_BYTES, trustProxy: env.SWITCHBOARD_TRUST_PROXY, oauth: isOAuthEnabled(env), draining: false };
  let inFlight = 0;
  let streams = 0;
  const server = createServer((request, response) => {
    // Draining: answer, then close the connection, so the client moves on before the port closes
    // instead of finding its keep-alive socket reset under its next request.
    if (context.draining) response.setHeader("Connection", "close");
    // Event streams last as long as their session; shutdown ends them after in-flight work.
    const url = request.url ?? "";
    if (!(request.method === "GET" && (url.startsWith("/sse") || url.startsWith("/mcp")))) {
      inFlight += 1;
      response.once("close", () => {
        inFlight -= 1;
      });
    } else {
      streams += 1;
      response.once("close", () => {
        streams -= 1;
      });
    }
    routeHubRequest(request, response, context, fallback);
  });
  // Keep-alive sockets must outlive typical client/proxy idle timeouts, else clients hit resets.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  let connections = 0;
  server.on("connection", (socket) => {
    connections += 1;
    socket.once("close", () => (connections -= 1));
  });
  return { server, context, inFlight: () => inFlight, connections: () => connections - streams };
}
