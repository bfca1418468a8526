import { HubError } from "@/lib/errors/hub-error";

/**
 * The server-to-client requests a tool may need answered (the 2026-07-28 InputRequests values;
 * the same methods a 2025 session sends as requests of its own), each with the client
 * capability it needs.
 */
export const INPUT_REQUEST_CAPABILITY = { "elicitation/create": "elicitation", "sampling/createMessage": "sampling", "roots/list": "roots" } as const;

export type InputRequestMethod = keyof typeof INPUT_REQUEST_CAPABILITY;
export interface InputRequest {
  method: InputRequestMethod;
  params?: Record<string, unknown>;
}
/** Keyed by the tool's own identifiers, unique within one call. */
export type InputRequests = Record<string, InputRequest>;
/** The client's results (ElicitResult, CreateMessageResult, ListRootsResult), keyed as their requests. */
export type InputResponses = Record<string, Record<string, unknown>>;

/**
 * How a tool asks the calling client for input, in the client's own era. The hub's own tools
 * need none; upstream tools forwarded by federation may (an upstream's elicitation or sampling
 * request is passed through here). callTool hands one to every tool in ToolContext.interaction.
 *
 * - 2025 sessions (Streamable HTTP, legacy SSE): `request` sends each as a server→client
 *   request on the session and resolves with the client's answers.
 * - 2026-07-28 (stateless): there is no channel back. A first call has no `inputResponses`, so
 *   `request` throws InputRequired, which callTool answers as a result with
 *   `resultType: "input_required"`, the requests and the `requestState`; the client retries the
 *   call with `inputResponses` (and the `requestState` echoed), and `request` then resolves
 *   with them. A tool must therefore be safe to run again from the start on the retry, and
 *   carry what it needs across in `requestState`, which the client can tamper with: protect it
 *   (HMAC/AEAD, bound to the principal) when it steers anything beyond the request failing.
 * - Either era: a method whose capability the client did not declare is refused with a
 *   HubError (answered as an isError result naming the missing capability).
 */
export interface ClientInteraction {
  /** Capabilities the client declared (initialize's, or this request's clientCapabilities). */
  readonly capabilities: Readonly<Record<string, unknown>>;
  /** 2026-07-28 retry: the client's answers; undefined on a first call and on sessions. */
  readonly inputResponses: InputResponses | undefined;
  /** 2026-07-28 retry: the requestState the client echoed (untrusted), else undefined. */
  readonly requestState: string | undefined;
  request(requests: InputRequests, options?: { requestState?: string }): Promise<InputResponses>;
}

/** Thrown by a stateless ClientInteraction when the client must supply input and retry. */
export class InputRequired extends Error {
  override name = "InputRequired";
  constructor(
    readonly inputRequests: InputRequests,
    readonly requestState: string | undefined,
  ) {
    super("Input required from the client.");
  }
}

/**
 * Refuses (HubError invalid_request) requests whose capability the client did not declare: the
 * hub never sends a client what it said it cannot take. The message names what is missing.
 */
export function assertClientCapable(capabilities: Readonly<Record<string, unknown>>, requests: InputRequests): void {
  const missing = new Set<string>();
  for (const request of Object.values(requests)) {
    const capability = INPUT_REQUEST_CAPABILITY[request.method];
    if (!capability) throw new HubError("invalid_request", `Unsupported input request ${String(request.method)}.`);
    if (capabilities[capability] === undefined) missing.add(capability);
  }
  if (missing.size > 0) {
    throw new HubError("invalid_request", `This tool needs input your client cannot provide: it did not declare the ${[...missing].join(" and ")} capabilit${missing.size > 1 ? "ies" : "y"}.`);
  }
}
