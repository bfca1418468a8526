import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { MAX_CLIENT_INFO_CHARS, boundClientString } from "@/lib/limits/bound-client-string";

/**
 * An initialize request with its clientInfo name and version bounded (boundClientString), so the
 * session keeps, logs and labels at most 100 characters of each whatever the client sent; any
 * other message is returned as is. Returns a new message rather than changing the parsed one.
 */
export function boundClientInfo(message: JSONRPCMessage): JSONRPCMessage {
  if (!("method" in message) || message.method !== "initialize") return message;
  const params = message.params as { clientInfo?: unknown } | undefined;
  const info = params?.clientInfo;
  if (typeof info !== "object" || info === null) return message;
  const { name, version } = info as { name?: unknown; version?: unknown };
  // A name that is not a string is left for the SDK's schema check to refuse.
  if (typeof name !== "string" || typeof version !== "string") return message;
  const clientInfo = {
    ...info,
    name: boundClientString(name, MAX_CLIENT_INFO_CHARS) ?? "unknown",
    version: boundClientString(version, MAX_CLIENT_INFO_CHARS) ?? "unknown",
  };
  return { ...message, params: { ...params, clientInfo } } as JSONRPCMessage;
}
