import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { boundClientInfo } from "./bound-client-info";

/** JSON-RPC 2.0 error codes for bodies that are not messages. */
export const JSON_RPC_PARSE_ERROR = -32700;
export const JSON_RPC_INVALID_REQUEST = -32600;
/** Batches were dropped from MCP in 2025-06-18; older clients send a few messages at most. */
export const MAX_BATCH_MESSAGES = 32;

export type ParsedJsonRpcBody =
  | { ok: true; messages: JSONRPCMessage[]; batch: boolean }
  | { ok: false; code: typeof JSON_RPC_PARSE_ERROR | typeof JSON_RPC_INVALID_REQUEST; message: string };

/**
 * Parses a POST body into JSON-RPC messages (one, or a batch). Only the envelope is checked here
 * (jsonrpc "2.0", a method or a result/error with an id); the MCP server validates each method's
 * params against its schema. Two requests of one batch may not share an id (their answers could
 * not be told apart, and both would run). initialize's clientInfo comes back bounded
 * (boundClientInfo). Pure check.
 */
export function parseJsonRpcBody(body: Buffer): ParsedJsonRpcBody {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    return { ok: false, code: JSON_RPC_PARSE_ERROR, message: "Parse error: the body is not valid JSON." };
  }
  const batch = Array.isArray(value);
  const items: unknown[] = batch ? (value as unknown[]) : [value];
  if (items.length === 0) return { ok: false, code: JSON_RPC_INVALID_REQUEST, message: "Invalid Request: empty batch." };
  if (items.length > MAX_BATCH_MESSAGES) {
    return { ok: false, code: JSON_RPC_INVALID_REQUEST, message: `Invalid Request: a batch holds at most ${MAX_BATCH_MESSAGES} messages.` };
  }
  const requestIds = new Set<string | number>();
  for (const item of items) {
    if (!isJsonRpcMessage(item)) return { ok: false, code: JSON_RPC_INVALID_REQUEST, message: "Invalid Request: not a JSON-RPC 2.0 message." };
    const { method, id } = item as { method?: unknown; id?: string | number };
    if (method === undefined || id === undefined) continue;
    if (requestIds.has(id)) return { ok: false, code: JSON_RPC_INVALID_REQUEST, message: `Invalid Request: request id ${JSON.stringify(id)} appears more than once in the batch; give each request its own id.` };
    requestIds.add(id);
  }
  return { ok: true, messages: (items as JSONRPCMessage[]).map(boundClientInfo), batch };
}

function isJsonRpcMessage(item: unknown): boolean {
  if (typeof item !== "object" || item === null || (item as { jsonrpc?: unknown }).jsonrpc !== "2.0") return false;
  const message = item as { method?: unknown; id?: unknown; result?: unknown; error?: unknown };
  const validId = typeof message.id === "string" || typeof message.id === "number";
  if (typeof message.method === "string") return message.id === undefined || validId;
  return validId && (message.result !== undefined || message.error !== undefined);
}
