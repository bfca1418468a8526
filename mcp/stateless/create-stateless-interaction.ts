import { assertClientCapable, InputRequired, type ClientInteraction, type InputResponses } from "@/mcp/pipeline/client-interaction";
import type { StatelessMessage } from "./classify-post-era";

/**
 * The ClientInteraction of one 2026-07-28 request (multi round-trip requests): `request` throws
 * InputRequired until the retry carries an answer for every request it asks, then resolves with
 * those answers. Capabilities come from this request's own `_meta`.
 */
export function createStatelessInteraction(message: Pick<StatelessMessage, "params" | "clientCapabilities">): ClientInteraction {
  const inputResponses = isObject(message.params.inputResponses) ? (message.params.inputResponses as InputResponses) : undefined;
  const requestState = typeof message.params.requestState === "string" ? message.params.requestState : undefined;
  return {
    capabilities: message.clientCapabilities,
    inputResponses,
    requestState,
    async request(requests, options = {}) {
      assertClientCapable(message.clientCapabilities, requests);
      const answered = inputResponses !== undefined && Object.keys(requests).every((id) => isObject(inputResponses[id]));
      if (!answered) throw new InputRequired(requests, options.requestState);
      return Object.fromEntries(Object.keys(requests).map((id) => [id, inputResponses[id]]));
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
