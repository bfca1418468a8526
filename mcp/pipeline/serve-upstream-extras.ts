import type { GetPromptResult, ListPromptsResult, ListResourcesResult, ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Principal } from "@/lib/api-keys/principal";
import { HubError } from "@/lib/errors/hub-error";
import { recordToolCall, type ToolCallRecord } from "@/lib/call-log/record-tool-call";
import { logger } from "@/lib/log/logger";
import { recordUpstreamRequest } from "@/lib/metrics/record-upstream-request";
import { getUpstreamPool } from "@/lib/upstream-connections/upstream-pool";
import { getUpstreamResourceSubscriptions, MAX_RESOURCE_URI_CHARS, type ResourceSubscriber } from "@/lib/upstreams/upstream-resource-subscriptions";
import { parseHubResourceUri, toHubResourceUri } from "@/lib/upstreams/upstream-resource-uri";
import { parseUpstreamPromptName } from "@/lib/upstreams/parse-upstream-prompt-name";
import { upstreamToolName } from "@/lib/upstreams/upstream-tool-name";
import type { ToolCallContext } from "@/mcp/pipeline/call-tool";
import { callRecordCaller, type CallerContext } from "@/mcp/pipeline/call-record-caller";
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
 * not there is a JSON-RPC invalid-params error. Every read and get is in the call log (kind
 * resource or prompt), refused ones too; lists and subscriptions are not charged calls and are
 * not logged.
 */
export const upstreamExtras = {
  async listResources(principal: Principal, signal: AbortSignal): Promise<ListResourcesResult> {
    const perServer = await fromEachServer(principal, signal, "resources", async (server, client) => {
      const { resources } = await client.listResources(undefined, { signal, timeout: LIST_TIMEOUT_MS });
      return resources.slice(0, MAX_PER_SERVER).map((resource) => ({ ...resource, uri: toHubResourceUri(server, resource.uri), name: upstreamToolName(server, resource.name) }));
    });
    return { resources: perServer.flat() };
  },

  readResource(uri: string, context: UpstreamReadContext): Promise<ReadResourceResult> {
    return logged("resource", uri, context, resourceBytesOf, async () => {
      const target = parseHubResourceUri(uri);
      if (!target || !(await listVisibleServers(context.principal)).has(target.server)) throw new McpError(ErrorCode.InvalidParams, `Unknown resource: ${uri.slice(0, 300)}`);
      const result = await forward(target.server, "resources/read", context.signal, (client) => client.readResource({ uri: target.uri }, { signal: context.signal }));
      return { ...result, contents: result.contents.map((content) => ({ ...content, uri: toHubResourceUri(target.server, content.uri) })) };
    });
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

  getPrompt(name: string, args: Record<string, string> | undefined, context: UpstreamReadContext): Promise<GetPromptResult> {
    return logged("prompt", name, context, promptBytesOf, async () => {
      const target = parseUpstreamPromptName(name);
      if (!target || !(await listVisibleServers(context.principal)).has(target.server)) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${name.slice(0, 300)}`);
      return forward(target.server, "prompts/get", context.signal, (client) => client.getPrompt({ name: target.prompt, arguments: args }, { signal: context.signal }));
    });
  },
};

/** Who asks, over what, as for a tools/call (what the call log records besides the answer), and the client's abort signal. */
export type UpstreamReadContext = CallerContext & Pick<ToolCallContext, "signal">;

/**
 * Runs one resources/read or prompts/get and records it in the call log like a tool call, with
 * its kind: who, how long, sizes and outcome (invalid / not_found for an unknown or invisible
 * target, error for a failed upstream). Resolves or rejects with the work's own answer.
 */
async function logged<T>(kind: "resource" | "prompt", name: string, context: UpstreamReadContext, bytesOf: (result: T) => number, work: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  const record = (outcome: Pick<ToolCallRecord, "status" | "errorCode" | "resultBytes">) =>
    recordToolCall({ at: new Date(), kind, ...callRecordCaller(context), toolName: name, toolVersion: null, durationMs: performance.now() - startedAt, ...outcome });
  try {
    const result = await work();
    await record({ status: "ok", errorCode: null, resultBytes: bytesOf(result) });
    return result;
  } catch (error) {
    const unknown = error instanceof McpError && error.code === ErrorCode.InvalidParams;
    await record(unknown ? { status: "invalid", errorCode: "not_found", resultBytes: 0 } : { status: "error", errorCode: "internal_error", resultBytes: 0 });
    throw error;
  }
}

/** Approximate answer size (text as UTF-8, a blob as its base64 text) without serialising it again. */
function resourceBytesOf(result: ReadResourceResult): number {
  return result.contents.reduce((bytes, content) => bytes + ("text" in content && typeof content.text === "string" ? Buffer.byteLength(content.text) : "blob" in content && typeof content.blob === "string" ? content.blob.length : 0), 0);
}

/** A prompt's messages are small (text, at most an embedded resource): their JSON is its size. */
function promptBytesOf(result: GetPromptResult): number {
  return Buffer.byteLength(JSON.stringify(result.messages));
}

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
