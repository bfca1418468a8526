import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, RELATED_TASK_META_KEY, type CallToolResult, type JSONRPCMessage, type MessageExtraInfo, type RequestId } from "@modelcontextprotocol/sdk/types.js";
import { isPlainObject } from "@/lib/json/is-plain-object";

/** A tools/call request's params, as the SDK's CallToolRequestSchema reads them. */
export interface ToolCallParams {
  name: string;
  arguments?: Record<string, unknown>;
  _meta?: { progressToken?: string | number; [key: string]: unknown };
}

/** One call in flight: what a handler gets beside its params (the Protocol's extra, in short). */
export interface SessionToolCall {
  requestId: RequestId;
  /** Aborted when the client cancels the call or the session closes. */
  signal: AbortSignal;
  /** The HTTP layer's per-message extra (buildMessageExtra). */
  extra: MessageExtraInfo | undefined;
}

/**
 * A session's tools/call requests answered beside its SDK Server, which keeps everything else
 * (the handshake, lists, resources, prompts, the hub's requests to the client). The v1 SDK's
 * Protocol classifies every incoming message with several zod parses, parses a tools/call twice
 * against its schema and its result once more (copies each time), and builds a context of
 * closures per request: a large share of the hub's own work per call. Here a plain, well-formed
 * tools/call is taken off the transport before the Protocol sees it and answered with what
 * `handle` returns; anything else (task-augmented, malformed params) goes on to the Protocol, so
 * its answers and refusals stay its own. Same semantics as the Protocol: notifications/cancelled
 * aborts the call's signal and then no answer is sent; the transport closing aborts every call in
 * flight; a thrown error is answered as a JSON-RPC error with its code (internal error otherwise).
 * Attach after the Server has connected: the Protocol's own handlers are wrapped, not replaced.
 */
export function serveSessionToolCalls(transport: Transport, handle: (params: ToolCallParams, call: SessionToolCall) => Promise<CallToolResult>): void {
  const inFlight = new Map<RequestId, AbortController>();
  const protocolOnMessage = transport.onmessage;
  const protocolOnClose = transport.onclose;
  transport.onmessage = (message, extra) => {
    if (isPlainToolCall(message)) return answer(message.id, message.params, extra);
    if ("method" in message && message.method === "notifications/cancelled") {
      const requestId = (message.params as { requestId?: RequestId } | undefined)?.requestId;
      const controller = requestId === undefined ? undefined : inFlight.get(requestId);
      if (controller) {
        inFlight.delete(requestId as RequestId);
        controller.abort((message.params as { reason?: unknown }).reason);
        return;
      }
    }
    protocolOnMessage?.(message, extra);
  };
  transport.onclose = () => {
    for (const controller of inFlight.values()) controller.abort();
    inFlight.clear();
    protocolOnClose?.();
  };

  function answer(id: RequestId, params: ToolCallParams, extra: MessageExtraInfo | undefined): void {
    const controller = new AbortController();
    inFlight.set(id, controller);
    const { signal } = controller;
    handle(params, { requestId: id, signal, extra }).then(
      (result) => (signal.aborted ? undefined : transport.send({ jsonrpc: "2.0", id, result } as JSONRPCMessage)),
      (error: { code?: unknown; message?: unknown; data?: unknown }) => {
        if (signal.aborted) return;
        const code = Number.isSafeInteger(error?.code) ? (error.code as number) : ErrorCode.InternalError;
        const message = typeof error?.message === "string" ? error.message : "Internal error";
        return transport.send({ jsonrpc: "2.0", id, error: { code, message, ...(error?.data !== undefined && { data: error.data }) } } as JSONRPCMessage);
      },
    )
      .catch((error: unknown) => transport.onerror?.(new Error(`Failed to send response: ${String(error)}`)))
      .finally(() => {
        if (inFlight.get(id) === controller) inFlight.delete(id);
      });
  }
}

/**
 * A tools/call the SDK's schemas would take as it is: a string or integer id, a string name,
 * arguments absent or an object, `_meta` absent or an object whose progressToken (if any) is a
 * string or integer, and nothing of tasks (no `task` param, no related-task metadata).
 */
function isPlainToolCall(message: JSONRPCMessage): message is JSONRPCMessage & { id: RequestId; params: ToolCallParams } {
  if (!("method" in message) || message.method !== "tools/call" || !("id" in message)) return false;
  const { id, params } = message as { id: unknown; params?: unknown };
  if (!(typeof id === "string" || Number.isInteger(id)) || !isPlainObject(params)) return false;
  if (typeof params.name !== "string" || "task" in params) return false;
  if (params.arguments !== undefined && !isPlainObject(params.arguments)) return false;
  const meta = params._meta;
  if (meta === undefined) return true;
  if (!isPlainObject(meta) || RELATED_TASK_META_KEY in meta) return false;
  return meta.progressToken === undefined || typeof meta.progressToken === "string" || Number.isInteger(meta.progressToken);
}
