import type { GetPromptResult, ListPromptsResult, ListResourcesResult, ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Principal } from "@/lib/api-keys/principal";
import { HubError } from "@/lib/errors/hub-error";
import { logger } from "@/lib/log/logger";
import { recordUpstreamRequest } from "@/lib/metrics/record-upstream-request";
import { getUpstreamPool } from "@/lib/upstream-connections/upstream-pool";
import { getUpstreamResourceSubscriptions, MAX_RESOURCE_URI_CHARS, type ResourceSubscriber } from "@/lib/upstreams/upstream-resource-subscriptions";
import { parseHubResourceUri, toHubResourceUri } from "@/lib/upstreams/upstream-resource-uri";
import { UPSTREAM_SEPARATOR, upstreamToolName } from "@/lib/upstreams/upstream-tool-name";
import { listVisibleServers } from "@/mcp/pipeline/list-visible-servers";

/** Most resources or prompts taken from one server per list (a list is one page). */
const MAX_PER_SERVER = 500;
/** A list waits this long for a slow server before leaving it out. */
const LIST_TIMEOUT_MS = 5_000;

/**
 * resources/list, resources/read, resources/subscribe and unsubscribe, prompts/list and prompts/get
 * for upstream servers, governed per server (listVisibleServers): resources come back as
 * sb-upstream://SERVER/<uri>, prompts as SERVER__PROMPT, contents unchanged. A server that cannot
 * answer a list is left out (logged); reading from or subscribing to one that is not visible or
 * not there is a JSON-RPC invalid-params error.
 */
export const upstreamExtras = {
  async listResources(principal: Principal, signal: AbortSignal): Promise<ListResourcesResult> {
    const perServer = await fromEachServer(principal, signal, "resources", async (server, client) => {
      const { resources } = await client.listResources(undefined, { signal, timeout: LIST_TIMEOUT_MS });
      return resources.slice(0, MAX_PER_SERVER).map((resource) => ({ ...resource, uri: toHubResourceUri(server, resource.uri), name: upstreamToolName(server, resource.name) }));
    });
    return { resources: perServer.flat() };
  },

  async readResource(principal: Principal, uri: string, signal: AbortSignal): Promise<ReadResourceResult> {
    const target = parseHubResourceUri(uri);
    if (!target || !(await listVisibleServers(principal)).has(target.server)) throw new McpError(ErrorCode.InvalidParams, `Unknown resource: ${uri.slice(0, 300)}`);
    const result = await forward(target.server, "resources/read", signal, (client) => client.readResource({ uri: target.uri }, { signal }));
    return { ...result, contents: result.contents.map((content) => ({ ...content, uri: toHubResourceUri(target.server, content.uri) })) };
  },

  /**
   * Watches a resource for `subscriber` (upstream-resource-subscriptions.ts): the client hears
   * notifications/resources/updated with the URI it subscribed to. Bounded in URI length and
   * count; a server that offers no subscriptions, or is over the count, is invalid params.
   */
  async subscribeResource(principal: Principal, subscriber: ResourceSubscriber, uri: string): Promise<Record<string, never>> {
    if (uri.length > MAX_RESOURCE_URI_CHARS) throw new McpError(ErrorCode.InvalidParams, `Resource URI too long: at most ${MAX_RESOURCE_URI_CHARS} characters.`);
    const target = parseHubResourceUri(uri);
    if (!target || !(await listVisibleServers(principal)).has(target.server)) throw new McpError(ErrorCode.InvalidParams, `Unknown resource: ${uri.slice(0, 300)}`);
    try {
      await getUpstreamResourceSubscriptions().subscribe(subscriber, target.server, target.uri);
    } catch (error) {
      if (error instanceof HubError) throw new McpError(error.code === "invalid_request" ? ErrorCode.InvalidParams : ErrorCode.InternalError, error.message);
      throw error;
    }
    return {};
  },

  /** Stops watching a resource (one not watched, or not the hub's: nothing to do, as unsubscribing is idempotent). */
  unsubscribeResource(subscriber: ResourceSubscriber, uri: string): Record<string, never> {
    const target = uri.length <= MAX_RESOURCE_URI_CHARS ? parseHubResourceUri(uri) : null;
    if (target) getUpstreamResourceSubscriptions().unsubscribe(subscriber, target.server, target.uri);
    return {};
  },

  /** Ends every subscription of a session or stream that closed. */
  dropSubscriber(subscriber: ResourceSubscriber): void {
    getUpstreamResourceSubscriptions().dropSubscriber(subscriber);
  },

  /** Whether a server connected to this instance announces resource updates (then the hub offers resources.subscribe). */
  offersResourceSubscriptions(): boolean {
    return getUpstreamPool().anyConnectedDeclares((capabilities) => capabilities.resources?.subscribe === true);
  },

  async listPrompts(principal: Principal, signal: AbortSignal): Promise<ListPromptsResult> {
    const perServer = await fromEachServer(principal, signal, "prompts", async (server, client) => {
      const { prompts } = await client.listPrompts(undefined, { signal, timeout: LIST_TIMEOUT_MS });
      return prompts.slice(0, MAX_PER_SERVER).map((prompt) => ({ ...prompt, name: upstreamToolName(server, prompt.name) }));
    });
    return { prompts: perServer.flat() };
  },

  async getPrompt(principal: Principal, name: string, args: Record<string, string> | undefined, signal: AbortSignal): Promise<GetPromptResult> {
    const at = name.indexOf(UPSTREAM_SEPARATOR);
    const server = at > 0 ? name.slice(0, at) : "";
    if (!server || !(await listVisibleServers(principal)).has(server)) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${name.slice(0, 300)}`);
    return forward(server, "prompts/get", signal, (client) => client.getPrompt({ name: name.slice(at + UPSTREAM_SEPARATOR.length), arguments: args }, { signal }));
  },
};

type PooledClient = Parameters<Parameters<ReturnType<typeof getUpstreamPool>["request"]>[2]>[0];

async function fromEachServer<T>(principal: Principal, signal: AbortSignal, capability: "resources" | "prompts", list: (server: string, client: PooledClient) => Promise<T[]>): Promise<T[][]> {
  const servers = [...(await listVisibleServers(principal))];
  return Promise.all(
    servers.map((server) =>
      getUpstreamPool()
        .request(server, signal, (client) => (client.getServerCapabilities()?.[capability] ? list(server, client) : Promise.resolve([])))
        .catch((error: unknown) => {
          logger.warn({ server, err: error instanceof Error ? error.message : String(error) }, "upstream left out of a resources/prompts list");
          return [];
        }),
    ),
  );
}

/**
 * One request to a server, timed for /metrics; the pool's failures (HubError, naming the server)
 * become JSON-RPC errors.
 */
async function forward<T>(server: string, method: "resources/read" | "prompts/get", signal: AbortSignal, work: (client: PooledClient) => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  try {
    const result = await getUpstreamPool().request(server, signal, work);
    recordUpstreamRequest(server, method, "ok", performance.now() - startedAt);
    return result;
  } catch (error) {
    recordUpstreamRequest(server, method, "error", performance.now() - startedAt);
    if (error instanceof HubError) throw new McpError(ErrorCode.InternalError, error.message);
    throw error;
  }
}
