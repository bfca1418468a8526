import { ProtocolErrorCode, SERVER_INFO_META_KEY } from "@modelcontextprotocol/server";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Principal } from "@/lib/api-keys/principal";
import { callTool } from "@/mcp/pipeline/call-tool";
import { JsonRpcRefusal } from "@/mcp/pipeline/json-rpc-refusal";
import { listTools } from "@/mcp/pipeline/list-tools";
import { readTraceParent } from "@/mcp/pipeline/read-trace-parent";
import { upstreamExtras, type UpstreamReadContext } from "@/mcp/pipeline/serve-upstream-extras";
import { hubServerCapabilities, SERVER_INFO } from "@/mcp/sessions/create-session-server";
import type { StatelessMessage } from "./classify-post-era";
import { createStatelessInteraction } from "./create-stateless-interaction";
import { ALL_PROTOCOL_VERSIONS } from "./protocol-revisions";

/** What a stateless request runs with besides its message: all of it from this very HTTP request. */
export interface StatelessRequestContext {
  principal: Principal;
  requestBytes: number;
  /** Aborted when the client closes the response (2026-07-28: that is the cancellation signal). */
  signal: AbortSignal;
}

/**
 * Freshness hints (2026-07-28 caching). server/discover is the same for everyone (public), but its
 * resources.subscribe follows the upstreams connected to the answering instance (one that connects
 * later, is added, or goes away flips it, and instances may differ for a while), and nothing
 * pushes a discover change: a minute, so a client does not go an hour without subscriptions (or
 * offering ones nobody can hear). tools/list varies per key (private) and is also pushed by
 * subscriptions/listen, so a minute keeps clients that do not listen from acting on a stale list
 * for long.
 */
export const CACHE_HINTS = {
  discover: { ttlMs: 60_000, cacheScope: "public" },
  toolsList: { ttlMs: 60_000, cacheScope: "private" },
  /** Upstream resources and prompts: visible per principal, so private like tools/list. */
  upstreamList: { ttlMs: 60_000, cacheScope: "private" },
  /**
   * A resource's contents (the era requires the hints on resources/read): the hub cannot tell how
   * long an upstream's contents stay fresh, and they are read per principal, so none and private.
   */
  resourceRead: { ttlMs: 0, cacheScope: "private" },
} as const;


type Answer = (message: StatelessMessage, context: StatelessRequestContext) => Promise<Record<string, unknown>>;

const ANSWERS: Readonly<Record<string, Answer>> = {
  "server/discover": async () => ({ supportedVersions: ALL_PROTOCOL_VERSIONS, capabilities: hubServerCapabilities(), ...CACHE_HINTS.discover }),
  // The catalogue snapshot is kept sorted by name: a deterministic order, as the revision asks.
  "tools/list": async (_message, context) => ({ ...(await listTools(context.principal)), ...CACHE_HINTS.toolsList }),
  "tools/call": async (message, context) => {
    const { name, arguments: args } = message.params as { name?: unknown; arguments?: unknown };
    if (typeof name !== "string") throw new JsonRpcRefusal(400, ProtocolErrorCode.InvalidParams, "Invalid params: tools/call needs a string name.", { id: message.id });
    return (await callTool(name, args, {
      principal: context.principal,
      sessionId: null,
      transport: "streamable",
      client: message.client,
      requestBytes: context.requestBytes,
      traceParent: readTraceParent(message.params),
      signal: context.signal,
      interaction: createStatelessInteraction(message),
    })) as unknown as Record<string, unknown>;
  },
  // The upstream servers' resources and prompts, namespaced and governed per server as in the session eras.
  "resources/list": async (message, context) => ({ ...(await refusingMcpErrors(message, () => upstreamExtras.listResources(context.principal, context.signal))), ...CACHE_HINTS.upstreamList }),
  "resources/templates/list": async () => ({ resourceTemplates: [], ...CACHE_HINTS.upstreamList }),
  "resources/read": async (message, context) => ({ ...(await refusingMcpErrors(message, () => upstreamExtras.readResource(stringParam(message, "uri"), readContext(message, context)))), ...CACHE_HINTS.resourceRead }),
  "prompts/list": async (message, context) => ({ ...(await refusingMcpErrors(message, () => upstreamExtras.listPrompts(context.principal, context.signal))), ...CACHE_HINTS.upstreamList }),
  "prompts/get": async (message, context) =>
    refusingMcpErrors(message, () => upstreamExtras.getPrompt(stringParam(message, "name"), (message.params as { arguments?: Record<string, string> } | undefined)?.arguments, readContext(message, context))),
};

/** What the call log records of a stateless resources/read or prompts/get, as for a tools/call. */
function readContext(message: StatelessMessage, context: StatelessRequestContext): UpstreamReadContext {
  return { principal: context.principal, sessionId: null, transport: "streamable", client: message.client, requestBytes: context.requestBytes, traceParent: readTraceParent(message.params), signal: context.signal };
}

/** An upstream's (or the governance's) JSON-RPC error as this era's refusal: 400 for bad params, 502 otherwise. */
async function refusingMcpErrors<T extends Record<string, unknown>>(message: StatelessMessage, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof McpError)) throw error;
    throw new JsonRpcRefusal(error.code === ErrorCode.InvalidParams ? 400 : 502, error.code, error.message, { id: message.id });
  }
}

function stringParam(message: StatelessMessage, key: "uri" | "name"): string {
  const value = (message.params as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== "string") throw new JsonRpcRefusal(400, ProtocolErrorCode.InvalidParams, `Invalid params: ${message.method} needs a string ${key}.`, { id: message.id });
  return value;
}

/** Whether the hub answers this method statelessly (subscriptions/listen included). */
export function isStatelessMethod(method: string): boolean {
  return method in ANSWERS || method === "subscriptions/listen";
}

/**
 * Answers one 2026-07-28 request: its result with `resultType: "complete"` and the server's
 * identity in `_meta` (io.modelcontextprotocol/serverInfo), cache hints on discover and list
 * results. An unknown method is 404 + -32601 (the revision's HTTP rule), bad params 400 + -32602:
 * thrown as JsonRpcRefusal. Tool failures are isError results, as in every era.
 */
export async function answerStatelessRequest(message: StatelessMessage, context: StatelessRequestContext): Promise<Record<string, unknown>> {
  const answer = ANSWERS[message.method];
  if (!answer) throw new JsonRpcRefusal(404, ProtocolErrorCode.MethodNotFound, `Method not found: ${message.method.slice(0, 100)}`, { id: message.id });
  const result = await answer(message, context);
  return { resultType: "complete", ...result, _meta: { ...(result._meta as Record<string, unknown> | undefined), [SERVER_INFO_META_KEY]: SERVER_INFO } };
}
