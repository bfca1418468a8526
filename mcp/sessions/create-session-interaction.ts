import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { ResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { assertClientCapable, type ClientInteraction, type InputResponses } from "@/mcp/pipeline/client-interaction";

/**
 * The ClientInteraction of a 2025 session: each input request goes to the client as a
 * server→client request on the session (answered on its POST/stream), in parallel, tied to the
 * tools/call it serves (`relatedRequestId`) and cancelled with it (`signal`).
 */
export function createSessionInteraction(server: Server, call: { requestId: string | number; signal: AbortSignal }): ClientInteraction {
  const capabilities = (server.getClientCapabilities() ?? {}) as Record<string, unknown>;
  return {
    capabilities,
    inputResponses: undefined,
    requestState: undefined,
    async request(requests) {
      assertClientCapable(capabilities, requests);
      const entries = await Promise.all(
        Object.entries(requests).map(async ([id, request]) => {
          const result = await server.request({ method: request.method, params: request.params }, ResultSchema, { relatedRequestId: call.requestId, signal: call.signal });
          return [id, result as Record<string, unknown>] as const;
        }),
      );
      return Object.fromEntries(entries) as InputResponses;
    },
  };
}
