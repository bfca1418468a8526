import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { CHARGED_METHODS, type ChargedCall, type ChargedMethod } from "./assert-within-rate-limit";

/**
 * The requests of a POST that draw on the key's call limit (empty: the POST is not rate limited):
 * tools/call, and resources/read and prompts/get, which run on an upstream server just as an
 * upstream tool call does. Lists (tools/list, resources/list, prompts/list) are not charged.
 */
export function listChargedCalls(messages: readonly JSONRPCMessage[], requestBytes: number): ChargedCall[] {
  const calls: ChargedCall[] = [];
  for (const message of messages) {
    if (!("method" in message) || !CHARGED_METHODS.has(message.method)) continue;
    const params = message.params as { name?: unknown; uri?: unknown } | undefined;
    const target = message.method === "resources/read" ? params?.uri : params?.name;
    calls.push({ method: message.method as ChargedMethod, name: typeof target === "string" ? target : "(unnamed)", requestBytes });
  }
  return calls;
}
