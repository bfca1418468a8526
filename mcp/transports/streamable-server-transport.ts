import type { ServerResponse } from "node:http";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage, MessageExtraInfo, RequestId } from "@modelcontextprotocol/sdk/types.js";
import { HubError } from "@/lib/errors/hub-error";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { logger } from "@/lib/log/logger";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { isResponseGone } from "./is-response-gone";
import { DEFAULT_MAX_STREAM_BUFFER_BYTES, writeWithinBufferCap } from "./write-within-buffer-cap";
import { EVENT_STREAM_HEADERS } from "./sse-server-transport";

/** One POST waiting for the answers to the requests it carried. */
interface PendingExchange {
  response: ServerResponse;
  /** Request ids still unanswered. */
  waiting: Set<RequestId>;
  answers: JSONRPCMessage[];
  /** A single request (not a batch) is answered with a single object. */
  batch: boolean;
  asEventStream: boolean;
  /** The client accepts an event stream: progress for its request switches the answer to one. */
  acceptsEventStream: boolean;
  headers: Record<string, string>;
}

/**
 * Streamable HTTP transport on node:http, answering POSTs with JSON (one write per response).
 * Measured against the SDK's StreamableHTTPServerTransport, which converts every Node request
 * to a web Request through @hono/node-server and answers over an event stream: this one skips
 * the conversion and the stream framing. Server-initiated messages (tools/list_changed) go to
 * the client's standalone GET stream when one is open; there is no event store, so messages
 * sent while no stream is attached are dropped (the client re-lists tools on reconnect). A client
 * whose standalone stream holds `maxBufferedBytes` unsent (it stopped reading) loses the session.
 */
export class StreamableServerTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;
  readonly sessionId: string;
  #pendingById = new Map<RequestId, PendingExchange>();
  #standalone: ServerResponse | undefined;
  #closed = false;

  readonly #maxBufferedBytes: number;

  constructor(sessionId: string, maxBufferedBytes = DEFAULT_MAX_STREAM_BUFFER_BYTES) {
    this.sessionId = sessionId;
    this.#maxBufferedBytes = maxBufferedBytes;
  }

  async start(): Promise<void> {}

  /**
   * Dispatches a POST's messages. Requests are answered on `response` once every one of them
   * has its answer; a POST carrying only notifications/responses is answered 202 at once.
   */
  receivePost(
    response: ServerResponse,
    messages: readonly JSONRPCMessage[],
    options: { batch: boolean; asEventStream: boolean; acceptsEventStream?: boolean; headers: Record<string, string>; extra: MessageExtraInfo },
  ): void {
    let exchange: PendingExchange | undefined;
    for (const message of messages) {
      if ("method" in message && "id" in message) {
        exchange ??= { response, waiting: new Set(), answers: [], batch: options.batch, asEventStream: options.asEventStream, acceptsEventStream: options.acceptsEventStream ?? options.asEventStream, headers: options.headers };
        exchange.waiting.add(message.id);
        this.#pendingById.set(message.id, exchange);
      }
    }
    if (!exchange) {
      response.writeHead(202, options.headers).end();
    } else {
      const pending = exchange;
      // A client that hangs up before its answer must not leave ids behind.
      response.once("close", () => {
        for (const id of pending.waiting) if (this.#pendingById.get(id) === pending) this.#pendingById.delete(id);
      });
    }
    for (const message of messages) this.onmessage?.(message, options.extra);
  }

  /** Attaches the client's standalone GET stream for server-initiated messages. */
  attachStream(response: ServerResponse, headers: Record<string, string>): boolean {
    if (this.#standalone) return false;
    // A client gone while being authenticated would otherwise pin the session open forever.
    if (isResponseGone(response)) return true;
    response.writeHead(200, { ...EVENT_STREAM_HEADERS, ...headers });
    response.write(": stream open\n\n");
    this.#standalone = response;
    response.once("close", () => {
      if (this.#standalone === response) this.#standalone = undefined;
    });
    return true;
  }

  async send(message: JSONRPCMessage, options?: { relatedRequestId?: RequestId }): Promise<void> {
    if ("id" in message && message.id !== undefined && ("result" in message || "error" in message)) {
      this.#answer(message.id, message);
      return;
    }
    if (options?.relatedRequestId !== undefined) {
      // Progress tied to a request (an upstream tool's, passed back) turns its answer into an event
      // stream when the client accepts one; a JSON-only answer cannot carry it, so it is dropped.
      const exchange = this.#pendingById.get(options.relatedRequestId);
      if (!exchange || !exchange.acceptsEventStream || exchange.batch || isResponseGone(exchange.response)) return;
      if (!exchange.response.headersSent) exchange.response.writeHead(200, { ...EVENT_STREAM_HEADERS, ...exchange.headers });
      exchange.asEventStream = true;
      exchange.response.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
      return;
    }
    this.#writeStandalone(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  }

  #answer(id: RequestId, message: JSONRPCMessage): void {
    const exchange = this.#pendingById.get(id);
    if (!exchange) return;
    this.#pendingById.delete(id);
    exchange.waiting.delete(id);
    exchange.answers.push(message);
    if (exchange.waiting.size > 0) return;
    const payload = JSON.stringify(exchange.batch ? exchange.answers : exchange.answers[0]);
    const { response } = exchange;
    if (exchange.asEventStream) {
      if (!response.headersSent) response.writeHead(200, { ...EVENT_STREAM_HEADERS, ...exchange.headers });
      response.end(`event: message\ndata: ${payload}\n\n`);
    } else {
      // With its length the answer goes out unchunked: writeHead fixes the headers before end() could add it.
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload), ...exchange.headers });
      response.end(payload);
    }
  }

  keepAlive(): void {
    this.#writeStandalone(": keep-alive\n\n");
  }

  #writeStandalone(chunk: string): void {
    if (!this.#standalone || writeWithinBufferCap(this.#standalone, chunk, this.#maxBufferedBytes)) return;
    this.#standalone = undefined;
    getMetrics().streamsOverBufferCap.inc({ transport: "streamable" });
    logger.warn({ event: "stream_over_buffer_cap", transport: "streamable", sessionId: this.sessionId, maxBufferedBytes: this.#maxBufferedBytes }, "Closed a Streamable HTTP session whose client stopped reading its stream");
    void this.close();
  }

  /** Whether a standalone GET stream is attached (an attached session is not idle-expired). */
  get hasOpenStream(): boolean {
    return this.#standalone !== undefined;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#standalone?.end();
    this.#standalone = undefined;
    const reply = toErrorReply(new HubError("not_found", "Session closed."));
    for (const exchange of new Set(this.#pendingById.values())) {
      if (!exchange.response.headersSent) exchange.response.writeHead(reply.status, { "Content-Type": "application/json" }).end(JSON.stringify(reply.body));
      else exchange.response.end();
    }
    this.#pendingById.clear();
    this.onclose?.();
  }
}
