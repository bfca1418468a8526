import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { RateLimitedCall } from "./assert-within-rate-limit";

/** The tools/call requests a POST carries (empty: the POST is not rate limited). */
export function listToolCalls(messages: readonly JSONRPCMessage[], requestBytes: number): RateLimitedCall[] {
  const calls: RateLimitedCall[] = [];
  for (const message of messages) {
    if ("method" in message && message.method === "tools/call") {
      const name = (message.params as { name?: unknown } | undefined)?.name;
      calls.push({ toolName: typeof name === "string" ? name : "(unnamed)", requestBytes });
    }
  }
  return calls;
}
