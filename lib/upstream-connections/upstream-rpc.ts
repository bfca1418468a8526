import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, McpError, type JSONRPCMessage, type Progress } from "@modelcontextprotocol/sdk/types.js";
import { UpstreamRequestError } from "@/lib/upstream-connections/upstream-request-error";

/** Ids of this caller's requests: strings, so they never meet the SDK Protocol's numeric ids. */
const ID_PREFIX = "sb-";

/** An upstream's own error answer to a request (its code and message, whatever they are). */
export class UpstreamErrorAnswer extends McpError {}

/**
 * The hub's own end of a request (timed out, total time used up, connection closed), told apart
 * from an upstream's error answer, whatever code that carries (-32000 and -32001 are common codes
 * for an upstream's own failures). McpError codes as the SDK's Protocol gives them.
 */
export class UpstreamRpcEnded extends McpError {
  readonly why: "timeout" | "total-timeout" | "closed";
  /** A timeout says nothing about the connection: the pool keeps it for everyone else's calls. */
  readonly keepsConnection: boolean;

  constructor(why: UpstreamRpcEnded["why"], message: string) {
    super(why === "closed" ? ErrorCode.ConnectionClosed : ErrorCode.RequestTimeout, message);
    this.why = why;
    this.keepsConnection = why !== "closed";
  }
}

export interface UpstreamRpcOptions {
  signal: AbortSignal;
  /** Fails the request when nothing (answer or progress) arrives for this long. */
  timeoutMs: number;
  /** Fails it after this long whatever progress arrives. */
  maxTotalTimeoutMs: number;
  /** The upstream's progress notifications for this request (a progressToken is sent only then). */
  onProgress?: (progress: Progress) => void;
}

interface PendingRequest {
  resolve(result: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: Progress) => void;
  /** Restarts the idle timeout (progress arrived). */
  touch(): void;
}

/**
 * Requests on an upstream's transport beside the SDK Client, for the proxied hot path
 * (tools/call). The v1 SDK Protocol classifies every incoming message with several zod parses and
 * parses (copies) every result once more against its schema: about a tenth of the hub's CPU per
 * proxied call. Here a request is an id in a map: its answer and its progress notifications are
 * taken off the transport before the Protocol sees them, everything else (the handshake, lists,
 * announcements, the Client's own requests) goes on to the Protocol untouched. Same wire
 * behaviour as the Protocol's request(): a progressToken when progress is wanted, an idle timeout
 * reset by progress within a total one, notifications/cancelled when the caller gives up, and
 * McpErrors with the Protocol's codes: UpstreamRpcEnded for the hub's own ends, UpstreamErrorAnswer
 * for the upstream's. The result is the upstream's, unchecked: the caller checks it.
 */
export class UpstreamRpc {
  readonly #transport: Transport;
  readonly #pending = new Map<string, PendingRequest>();
  #nextId = 1;
  #closed = false;

  /** Attach after the Client has connected: the Protocol's own handlers are wrapped, not replaced. */
  constructor(transport: Transport) {
    this.#transport = transport;
    const protocolOnMessage = transport.onmessage;
    const protocolOnClose = transport.onclose;
    transport.onmessage = (message, extra) => {
      if (!this.#take(message)) protocolOnMessage?.(message, extra);
    };
    transport.onclose = () => {
      this.#failAll(new UpstreamRpcEnded("closed", "Connection closed"));
      protocolOnClose?.();
    };
  }

  request(method: string, params: Record<string, unknown>, options: UpstreamRpcOptions): Promise<unknown> {
    const { signal } = options;
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.#closed) return Promise.reject(new UpstreamRpcEnded("closed", "Connection closed"));
    const id = `${ID_PREFIX}${this.#nextId++}`;
    const message = { jsonrpc: "2.0", id, method, params: options.onProgress ? { ...params, _meta: { ...(params._meta as object | undefined), progressToken: id } } : params } as JSONRPCMessage;
    return new Promise((resolve, reject) => {
      const startedAt = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const settle = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        this.#pending.delete(id);
      };
      const giveUp = (error: Error) => {
        settle();
        // As the Protocol does: the upstream may stop working on it (and the transport frees its exchange).
        this.#transport.send({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: id, reason: error.message } }).catch(() => {});
        reject(error);
      };
      const onAbort = () => giveUp(signal.reason instanceof Error ? signal.reason : new McpError(ErrorCode.RequestTimeout, String(signal.reason)));
      const touch = () => {
        clearTimeout(timer);
        const left = options.maxTotalTimeoutMs - (performance.now() - startedAt);
        const idle = options.timeoutMs <= left;
        timer = setTimeout(() => giveUp(idle ? new UpstreamRpcEnded("timeout", "Request timed out") : new UpstreamRpcEnded("total-timeout", "Maximum total timeout exceeded")), Math.max(0, idle ? options.timeoutMs : left));
      };
      this.#pending.set(id, {
        resolve: (result) => {
          settle();
          resolve(result);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
        onProgress: options.onProgress,
        touch,
      });
      signal.addEventListener("abort", onAbort, { once: true });
      touch();
      this.#transport.send(message).catch((error: Error) => this.#pending.get(id)?.reject(error));
    });
  }

  /** Takes the message when it belongs to one of this caller's requests. */
  #take(message: JSONRPCMessage): boolean {
    if ("method" in message) {
      if (message.method !== "notifications/progress") return false;
      const params = message.params as (Progress & { progressToken?: unknown }) | undefined;
      if (typeof params?.progressToken !== "string" || !params.progressToken.startsWith(ID_PREFIX)) return false;
      const pending = this.#pending.get(params.progressToken);
      // Progress of a request already given up on is dropped (the Protocol would report an unknown token).
      // Progress the hub did not ask for (the token is also the request's id) neither reaches anyone nor keeps the call alive.
      if (!pending?.onProgress || !isProgress(params)) return true;
      pending.touch();
      const { progressToken: _token, ...progress } = params;
      pending.onProgress(progress as Progress);
      return true;
    }
    if (!("id" in message) || typeof message.id !== "string" || !message.id.startsWith(ID_PREFIX)) return false;
    const pending = this.#pending.get(message.id);
    // An answer after the request was given up on is dropped, as the Protocol drops it.
    if (!pending) return true;
    if (!("error" in message)) pending.resolve((message as { result?: unknown }).result);
    else if (isJsonRpcError(message.error)) pending.reject(new UpstreamErrorAnswer(message.error.code, message.error.message, message.error.data));
    else pending.reject(new UpstreamRequestError("its error answer is not a JSON-RPC error (no integer code and string message)"));
    return true;
  }

  #failAll(error: UpstreamRpcEnded): void {
    this.#closed = true;
    for (const pending of [...this.#pending.values()]) pending.reject(error);
  }
}

function isProgress(params: { progress?: unknown; total?: unknown; message?: unknown }): boolean {
  return typeof params.progress === "number" && (params.total === undefined || typeof params.total === "number") && (params.message === undefined || typeof params.message === "string");
}

function isJsonRpcError(error: unknown): error is { code: number; message: string; data?: unknown } {
  const candidate = error as { code?: unknown; message?: unknown } | null;
  return typeof candidate === "object" && candidate !== null && Number.isInteger(candidate.code) && typeof candidate.message === "string";
}
