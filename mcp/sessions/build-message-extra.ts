import type { MessageExtraInfo } from "@modelcontextprotocol/sdk/types.js";
import type { Principal } from "@/lib/api-keys/principal";

/** What the HTTP pipeline learned about a request, handed to the session's MCP handlers. */
export interface HubRequestContext {
  principal: Principal;
  requestBytes: number;
}

/**
 * Packs the request's principal (authenticated for this very request) into the SDK's per-message
 * `authInfo`, the SDK's channel from transport to handler. The secret itself is not carried.
 */
export function buildMessageExtra(context: HubRequestContext): MessageExtraInfo {
  return { authInfo: { token: context.principal.keyPrefix, clientId: context.principal.keyId, scopes: [], extra: { hub: context } } };
}
