import type { ServerResponse } from "node:http";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage, MessageExtraInfo } from "@modelcontextprotocol/sdk/types.js";
import { logger } from "@/lib/log/logger";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { isResponseGone } from "./is-response-gone";
import { DEFAULT_MAX_STREAM_BUFFER_BYTES, writeWithinBufferCap } from "./write-within-buffer-cap";

/** Headers every event stream starts with; no-transform keeps proxies from compressing and buffering. */
export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

/**
 * Legacy HTTP+SSE transport on a Node ServerResponse. The SDK's SSEServerTransport picks its own
 * random session id (ours must carry the instance id for load-balancer routing) and re-reads the
 * body itself; this one takes messages the HTTP pipeline already parsed and authenticated.
 * The stream is the session: when the socket closes, `onclose` fires and the registry frees it.
 * A client that stops reading loses its session once the stream holds `maxBufferedBytes` unsent
 * (then its POSTs get 404), counted in switchboard_streams_over_buffer_cap_total.
 */
export class SseServerTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;
  readonly sessionId: string;
  readonly #stream: ServerResponse;
  readonly #endpoint: string;
  readonly #maxBufferedBytes: number;
  #closed = false;

  constructor(stream: ServerResponse, sessionId: string, endpointPath: string, maxBufferedBytes = DEFAULT_MAX_STREAM_BUFFER_BYTES) {
    this.#stream = stream;
    this.#maxBufferedBytes = maxBufferedBytes;
    this.sessionId = sessionId;
    this.#endpoint = `${endpointPath}?sessionId=${encodeURIComponent(sessionId)}`;
  }

  /** Writes the headers and the `endpoint` event at once (first byte immediately). */
  async start(): Promise<void> {
    // The client may have hung up while it was being authenticated: its close event is gone.
    if (isResponseGone(this.#stream)) return this.#finish();
    this.#stream.writeHead(200, EVENT_STREAM_HEADERS);
    this.#stream.write(`event: endpoint\ndata: ${this.#endpoint}\n\n`);
    this.#stream.on("close", () => this.#finish());
  }

  /** Hands messages from an accepted POST /message to the MCP server. */
  receive(messages: readonly JSONRPCMessage[], extra: MessageExtraInfo): void {
    for (const message of messages) this.onmessage?.(message, extra);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) throw new Error("SSE stream closed");
    this.#write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  }

  /** A comment line keeps idle proxies and clients from timing the stream out. */
  keepAlive(): void {
    if (!this.#closed) this.#write(": keep-alive\n\n");
  }

  #write(chunk: string): void {
    if (writeWithinBufferCap(this.#stream, chunk, this.#maxBufferedBytes)) return;
    getMetrics().streamsOverBufferCap.inc({ transport: "sse" });
    logger.warn({ event: "stream_over_buffer_cap", transport: "sse", sessionId: this.sessionId, maxBufferedBytes: this.#maxBufferedBytes }, "Closed an SSE session whose client stopped reading its stream");
    this.#finish();
  }

  /** Whether a client stream is attached (an attached session is not idle-expired). */
  get hasOpenStream(): boolean {
    return !this.#closed;
  }

  async close(): Promise<void> {
    if (!this.#closed) this.#stream.end();
    this.#finish();
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.onclose?.();
  }
}
