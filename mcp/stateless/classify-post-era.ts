import type { IncomingHttpHeaders } from "node:http";
import { CLIENT_CAPABILITIES_META_KEY, CLIENT_INFO_META_KEY, PROTOCOL_VERSION_META_KEY, ProtocolErrorCode, classifyInboundRequest, type RequestId } from "@modelcontextprotocol/server";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { MAX_CLIENT_INFO_CHARS, boundClientString } from "@/lib/limits/bound-client-string";
import { JsonRpcRefusal } from "@/mcp/pipeline/json-rpc-refusal";
import { ALL_PROTOCOL_VERSIONS, HEADER_MISMATCH, STATELESS_PROTOCOL_VERSIONS } from "./protocol-revisions";
import { isPlainObject } from "@/lib/json/is-plain-object";

/** A 2026-07-28 request or notification, validated against its headers; needs no session. */
export interface StatelessMessage {
  /** Absent for a notification. */
  id: RequestId | undefined;
  method: string;
  params: Record<string, unknown>;
  protocolVersion: string;
  /** Self-reported (for logs and the call log only), bounded like initialize's (boundClientString). */
  client: { name: string; version: string } | undefined;
  clientCapabilities: Record<string, unknown>;
}

export type PostEra = { era: "session" } | { era: "stateless"; message: StatelessMessage };

/** Methods whose Mcp-Name header mirrors a body field (2026-07-28, Standard Request Headers). */
const NAME_SOURCE: Readonly<Record<string, "name" | "uri">> = { "tools/call": "name", "prompts/get": "name", "resources/read": "uri" };

/** The oldest stateless revision: revisions sort as dates. */
const FIRST_STATELESS_VERSION = STATELESS_PROTOCOL_VERSIONS[STATELESS_PROTOCOL_VERSIONS.length - 1];
const SESSION_VERSION_HEADER = /^\d{4}-\d{2}-\d{2}$/;

const BASE64_SENTINEL = /^=\?base64\?([A-Za-z0-9+/]*={0,2})\?=$/;

/**
 * Which era a POST /mcp speaks, by the v2 SDK's body-primary classifier (classifyInboundRequest):
 * a request carrying the per-request `_meta` envelope is stateless 2026-07-28; `initialize`,
 * batches, responses and envelope-less requests are session era (2025-11-25 and older).
 * A stateless request is then held to the revision's Server Validation: a supported version
 * (else -32022 UnsupportedProtocolVersion listing ours), MCP-Protocol-Version and Mcp-Method
 * present and equal to the body, Mcp-Name for tools/call, prompts/get and resources/read
 * (Base64 sentinel decoded) equal to the body (else -32020 HeaderMismatch), a valid envelope
 * (else -32602); all 400. clientInfo strings are bounded as initialize's are. Throws JsonRpcRefusal.
 */
export function classifyPostEra(headers: IncomingHttpHeaders, post: { messages: readonly JSONRPCMessage[]; batch: boolean }): PostEra {
  const protocolVersionHeader = single(headers["mcp-protocol-version"]);
  if (!post.batch && isPlainSessionMessage(post.messages[0], protocolVersionHeader)) return { era: "session" };
  const mcpMethodHeader = single(headers["mcp-method"]);
  const mcpNameHeader = single(headers["mcp-name"]);
  const outcome = classifyInboundRequest({ httpMethod: "POST", protocolVersionHeader, mcpMethodHeader, mcpNameHeader, body: post.batch ? post.messages : post.messages[0] });
  const first = post.messages[0] as { id?: RequestId; method?: string; params?: Record<string, unknown> };
  const id = post.batch ? undefined : first.id;
  if (outcome.kind === "reject") throw new JsonRpcRefusal(outcome.httpStatus, outcome.code, outcome.message, { id, data: outcome.data });
  if (outcome.kind === "legacy") return { era: "session" };
  const params = outcome.message.params ?? {};
  const meta = (params._meta ?? {}) as Record<string, unknown>;
  const protocolVersion = String(meta[PROTOCOL_VERSION_META_KEY] ?? protocolVersionHeader ?? "");
  const message: StatelessMessage = {
    id,
    method: outcome.message.method,
    params,
    protocolVersion,
    client: clientInfoOf(meta[CLIENT_INFO_META_KEY], id),
    clientCapabilities: (meta[CLIENT_CAPABILITIES_META_KEY] ?? {}) as Record<string, unknown>,
  };
  // This revision defines no header rules for notification POSTs (they are answered 202).
  if (outcome.messageKind === "notification") return { era: "stateless", message };
  if (!STATELESS_PROTOCOL_VERSIONS.includes(protocolVersion)) {
    throw new JsonRpcRefusal(400, ProtocolErrorCode.UnsupportedProtocolVersion, "Unsupported protocol version", { id, data: { supported: ALL_PROTOCOL_VERSIONS, requested: protocolVersion.slice(0, 64) } });
  }
  const mismatch = (text: string) => new JsonRpcRefusal(400, HEADER_MISMATCH, `Header mismatch: ${text}`, { id });
  if (protocolVersionHeader === undefined) throw mismatch(`the MCP-Protocol-Version header is required; send MCP-Protocol-Version: ${protocolVersion}.`);
  if (mcpMethodHeader === undefined) throw mismatch(`the Mcp-Method header is required; send Mcp-Method: ${message.method}.`);
  const nameSource = NAME_SOURCE[message.method];
  if (nameSource) {
    const bodyValue = params[nameSource];
    if (mcpNameHeader === undefined) throw mismatch(`the Mcp-Name header is required for ${message.method}; send the request's ${nameSource}.`);
    const headerValue = decodeHeaderValue(mcpNameHeader);
    if (headerValue === undefined) throw mismatch("the Mcp-Name header is not valid Base64 in its =?base64?…?= form.");
    if (headerValue !== bodyValue) throw mismatch(`the Mcp-Name header does not match the body's ${nameSource}.`);
  }
  return { era: "stateless", message };
}

/**
 * A single request or notification that names no stateless revision anywhere (no envelope claim
 * in its `_meta`, no 2026-07-28+ header): the classifier would call it legacy ("no-claim",
 * "initialize", "notification"). Decided here without its zod checks, which were about 4% of the
 * hub's CPU per session-era call. Anything less plain (batches, responses, odd ids or params, a
 * header with whitespace) goes to the classifier, so its verdicts and refusals stay its own.
 */
function isPlainSessionMessage(message: JSONRPCMessage, protocolVersionHeader: string | undefined): boolean {
  if (protocolVersionHeader !== undefined && !(SESSION_VERSION_HEADER.test(protocolVersionHeader) && protocolVersionHeader < FIRST_STATELESS_VERSION)) return false;
  const { method, id, params } = message as { method?: unknown; id?: unknown; params?: unknown };
  if (typeof method !== "string" || !(id === undefined || typeof id === "string" || Number.isInteger(id))) return false;
  if (params === undefined) return true;
  if (!isPlainObject(params)) return false;
  const meta = params._meta;
  return meta === undefined || (isPlainObject(meta) && !(PROTOCOL_VERSION_META_KEY in meta));
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A header value as sent, or decoded from the `=?base64?…?=` sentinel; undefined when that is malformed. */
function decodeHeaderValue(value: string): string | undefined {
  if (!value.startsWith("=?base64?")) return value;
  const match = BASE64_SENTINEL.exec(value);
  return match ? Buffer.from(match[1], "base64").toString("utf8") : undefined;
}

function clientInfoOf(value: unknown, id: RequestId | undefined): StatelessMessage["client"] {
  if (typeof value !== "object" || value === null) return undefined;
  const { name, version } = value as { name?: unknown; version?: unknown };
  if (typeof name !== "string" || typeof version !== "string") {
    throw new JsonRpcRefusal(400, ProtocolErrorCode.InvalidParams, `Invalid params: ${CLIENT_INFO_META_KEY} needs string name and version.`, { id });
  }
  // Like initialize's clientInfo (bound-client-info.ts): cleaned and cut, not refused.
  return { name: boundClientString(name, MAX_CLIENT_INFO_CHARS) ?? "unknown", version: boundClientString(version, MAX_CLIENT_INFO_CHARS) ?? "unknown" };
}
