import type { IncomingMessage } from "node:http";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { Principal } from "@/lib/api-keys/principal";
import type { ToolCallRecord } from "@/lib/call-log/record-tool-call";
import { HubError } from "@/lib/errors/hub-error";
import { assertRequestOrigin } from "./assert-request-origin";
import { assertWithinRateLimit } from "./assert-within-rate-limit";
import { authenticateRequest } from "./authenticate-request";
import { JsonRpcRefusal } from "./json-rpc-refusal";
import { listChargedCalls } from "./list-charged-calls";
import { parseJsonRpcBody } from "./parse-json-rpc-body";
import { readRequestBody } from "./read-request-body";

/** An authenticated POST whose body is a well-formed JSON-RPC message (or batch). */
export interface ParsedPost {
  principal: Principal;
  body: Buffer;
  messages: JSONRPCMessage[];
  batch: boolean;
}

/** Where a POST is going, as the transport's route stage decided (era, session). */
export interface PostRoute {
  /** The session the POST belongs to; null for a stateless 2026-07-28 request. */
  sessionId: string | null;
  transport: ToolCallRecord["transport"];
  /** The calling client, for the call log of refused calls. */
  client: { name: string; version: string } | undefined;
}

/** What each transport plugs into the admission path. */
export interface AdmissionStages<Route extends PostRoute> {
  /**
   * How a body that is not JSON-RPC is refused: "json-rpc" answers a JSON-RPC error (Streamable
   * HTTP, as its spec asks), "envelope" the hub's error envelope (legacy /message).
   */
  badBody: "json-rpc" | "envelope";
  /** Era and session: finds (or opens) the session, or validates a stateless request; throws to refuse. */
  route(post: ParsedPost): Route | Promise<Route>;
}

export type AdmittedPost<Route extends PostRoute> = ParsedPost & { route: Route; rateLimitHeaders: Record<string, string> };

/**
 * The one admission path for an MCP POST, every era and transport, in this order:
 *
 * 1. origin: Host and Origin name an allowed host (DNS-rebinding guard), 403;
 * 2. authenticate: the key or OAuth access token → its principal, before the body is read (an
 *    unauthenticated client costs little and learns nothing), 401 naming the resource metadata;
 * 3. body cap: at most maxBodyBytes, 413;
 * 4. parse: a JSON-RPC message or batch, 400;
 * 5. route: the transport's era/session stage (404 unknown session, 403 another key's, 400 for
 *    a request that fits no era);
 * 6. rate limit: per key, one token per tools/call, resources/read or prompts/get the POST
 *    carries, 429.
 *
 * Permission, validation and the tool run follow per message in callTool. Throws HubError or
 * JsonRpcRefusal; the transport answers with sendErrorReply.
 */
export async function admitMcpPost<Route extends PostRoute>(
  request: IncomingMessage,
  context: { ip: string; allowedHosts: ReadonlySet<string>; maxBodyBytes: number; resourcePath: "/mcp" | "/sse" },
  stages: AdmissionStages<Route>,
): Promise<AdmittedPost<Route>> {
  assertRequestOrigin(request.headers, context.allowedHosts);
  const { principal } = await authenticateRequest({ ip: context.ip, authorization: request.headers.authorization, resourcePath: context.resourcePath });
  const body = await readRequestBody(request, context.maxBodyBytes);
  const parsed = parseJsonRpcBody(body);
  if (!parsed.ok) throw stages.badBody === "json-rpc" ? new JsonRpcRefusal(400, parsed.code, parsed.message) : new HubError("invalid_request", parsed.message);
  const post: ParsedPost = { principal, body, messages: parsed.messages, batch: parsed.batch };
  const route = await stages.route(post);
  const calls = listChargedCalls(post.messages, body.length);
  const rateLimitHeaders = calls.length === 0 ? {} : (await assertWithinRateLimit({ principal, sessionId: route.sessionId, transport: route.transport, client: route.client, calls })).rateLimitHeaders;
  return { ...post, route, rateLimitHeaders };
}
