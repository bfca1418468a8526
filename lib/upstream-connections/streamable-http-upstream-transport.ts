import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage, RequestId } from "@modelcontextprotocol/sdk/types.js";
import { Pool, type Dispatcher } from "undici";
import { parseServerSentEvents } from "@/lib/upstream-connections/parse-server-sent-events";

/** Largest answer (JSON body or one SSE event) taken from an upstream, as for stdio upstreams. */
export const MAX_UPSTREAM_MESSAGE_BYTES = 10 * 1024 * 1024;
/** Most of an error page kept, to quote its start. */
const ERROR_TEXT_BYTES = 4096;
/** Delays before reopening a lost GET stream (the upstream's own announcements). */
const FIRST_STREAM_RETRY_MS = 1000;
const MAX_STREAM_RETRY_MS = 30_000;
/** How long close() gives the upstream to acknowledge the DELETE of its session. */
const DELETE_TIMEOUT_MS = 2000;

export interface StreamableHttpUpstreamOptions {
  /** Static headers of the server's config (its token, say), sent with every request. */
  headers: Record<string, string>;
  /** Connections for requests: the pool's per-server concurrency cap, so no call waits for a socket. */
  connections: number;
  /**
   * Backstop for an upstream that stops sending mid-answer: the Protocol's own timeout fails the
   * call, and this frees the connection it held.
   */
  idleTimeoutMs: number;
}

type Headers = Record<string, string | string[] | undefined>;

/**
 * MCP Streamable HTTP, client side, for the hub's pooled upstream connections: undici's dispatch
 * API with small handlers (no Request/Response/Headers objects or web streams per call), instead of
 * the SDK's Fetch transport, which cost the hub about 700 µs of CPU per proxied call. Same wire
 * behaviour: POST each message with the session and protocol-version headers, take a JSON or SSE
 * answer, open the GET stream after `notifications/initialized` (405: the server has none), DELETE
 * the session on close. Redirects are refused, not followed: an upstream's URL is registered by an
 * admin, and a redirect elsewhere would carry its configured headers (bearer tokens) to another host.
 */
export class StreamableHttpUpstreamTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  sessionId?: string;
  readonly #path: string;
  readonly #options: StreamableHttpUpstreamOptions;
  /** Requests and the GET stream on pools of their own, so a held stream never takes a request's connection. */
  readonly #requests: Pool;
  readonly #stream: Pool;
  #protocolVersion: string | undefined;
  #streamRetryMs = FIRST_STREAM_RETRY_MS;
  #streamTimer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(url: URL, options: StreamableHttpUpstreamOptions) {
    this.#path = url.pathname + url.search;
    this.#options = options;
    this.#requests = new Pool(url.origin, { connections: options.connections, pipelining: 1, headersTimeout: options.idleTimeoutMs, bodyTimeout: options.idleTimeoutMs });
    // An event stream is idle for as long as the server has nothing to announce.
    this.#stream = new Pool(url.origin, { connections: 1, pipelining: 1, headersTimeout: options.idleTimeoutMs, bodyTimeout: 0 });
  }

  async start(): Promise<void> {}

  setProtocolVersion(version: string): void {
    this.#protocolVersion = version;
  }

  /**
   * Sends one message. A request resolves once its answer is being read (an event stream) or has
   * been handed over (JSON); it rejects with a one-line reason when the upstream refuses it.
   */
  send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) return Promise.reject(new Error("not connected"));
    const id = "id" in message && "method" in message ? message.id : undefined;
    const isInitialized = "method" in message && message.method === "notifications/initialized";
    return new Promise((resolve, reject) => {
      let status = 0;
      let mode: "ignore" | "error" | "json" | "events" = "ignore";
      const body = collectText(MAX_UPSTREAM_MESSAGE_BYTES);
      let events: ((chunk: Buffer) => void) | undefined;
      const answered = new Set<RequestId>();
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve();
      };
      const headers = this.#headersFor({ "content-type": "application/json", accept: "application/json, text/event-stream" });
      this.#requests.dispatch({ path: this.#path, method: "POST", headers, body: JSON.stringify(message) }, {
        onRequestStart: () => {},
        onResponseStart: (controller, statusCode, responseHeaders) => {
          status = statusCode;
          const sessionId = responseHeaders["mcp-session-id"];
          if (typeof sessionId === "string") this.sessionId = sessionId;
          if (status >= 300 && status < 400) {
            settle(redirectError(status, responseHeaders));
            return controller.abort(new Error("redirect refused"));
          }
          if (status < 200 || status >= 300) return void (mode = "error");
          if (id === undefined || status === 202) {
            if (isInitialized) this.#openStream();
            return settle();
          }
          const type = mediaType(responseHeaders["content-type"]);
          if (type === "application/json") return void (mode = "json");
          if (type === "text/event-stream") {
            mode = "events";
            events = this.#eventReader((message) => "id" in message && !("method" in message) && answered.add(message.id as RequestId));
            return settle();
          }
          settle(new Error(`upstream answered with content type ${type || "(none)"}, not JSON or an event stream: is this URL an MCP endpoint?`));
          controller.abort(new Error("not MCP"));
        },
        onResponseData: (controller, chunk) => {
          try {
            if (mode === "events") events?.(chunk);
            else if (mode === "json" || mode === "error") body.push(chunk, mode === "json");
          } catch (error) {
            if (mode === "events") this.onerror?.(error as Error);
            controller.abort(error as Error);
          }
        },
        onResponseEnd: () => {
          if (mode === "error") return settle(httpError("POST", status, body.text()));
          if (mode === "json") {
            this.#deliver(body.text());
            return settle();
          }
          if (mode === "events" && id !== undefined && !answered.has(id)) this.#answerUnanswered(id, "closed by the server");
        },
        onResponseError: (_controller, error) => {
          if (!settled) return settle(error);
          if (mode === "events" && id !== undefined && !answered.has(id)) this.#answerUnanswered(id, error.message);
        },
      });
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#streamTimer);
    await this.#stream.destroy().catch(() => {});
    if (this.sessionId) await this.#deleteSession().catch(() => {});
    await this.#requests.destroy().catch(() => {});
    this.onclose?.();
  }

  #headersFor(extra: Record<string, string>): Record<string, string> {
    const headers: Record<string, string> = { ...this.#options.headers, ...extra };
    if (this.sessionId) headers["mcp-session-id"] = this.sessionId;
    if (this.#protocolVersion) headers["mcp-protocol-version"] = this.#protocolVersion;
    return headers;
  }

  /** The server's own stream (announcements such as tools/list_changed), reopened while connected. */
  #openStream(): void {
    if (this.#closed) return;
    let reading = false;
    let failed = false;
    const retry = (reason: string) => {
      if (failed || this.#closed) return;
      failed = true;
      this.onerror?.(new Error(`the upstream's event stream ${reason}`));
      this.#reopenStreamLater();
    };
    let read: ((chunk: Buffer) => void) | undefined;
    this.#stream.dispatch({ path: this.#path, method: "GET", headers: this.#headersFor({ accept: "text/event-stream" }) }, {
      onRequestStart: () => {},
      onResponseStart: (controller, status, headers) => {
        if (status === 405) return controller.abort(new Error("no stream"));
        if (status !== 200 || mediaType(headers["content-type"]) !== "text/event-stream") {
          retry(`answered HTTP ${status}`);
          return controller.abort(new Error("no stream"));
        }
        reading = true;
        this.#streamRetryMs = FIRST_STREAM_RETRY_MS;
        read = this.#eventReader();
      },
      onResponseData: (controller, chunk) => {
        try {
          read?.(chunk);
        } catch (error) {
          controller.abort(error as Error);
        }
      },
      onResponseEnd: () => reading && retry("ended"),
      onResponseError: (_controller, error) => (reading || !/no stream/.test(error.message)) && retry(`failed (${error.message})`),
    });
  }

  #reopenStreamLater(): void {
    if (this.#closed) return;
    const delay = this.#streamRetryMs;
    this.#streamRetryMs = Math.min(delay * 2, MAX_STREAM_RETRY_MS);
    this.#streamTimer = setTimeout(() => this.#openStream(), delay);
    this.#streamTimer.unref();
  }

  /** A reader of one event stream's bytes: each `message` event's JSON-RPC messages go to the Protocol. */
  #eventReader(onDelivered?: (message: JSONRPCMessage) => void): (chunk: Buffer) => void {
    const decoder = new TextDecoder();
    const parser = parseServerSentEvents(MAX_UPSTREAM_MESSAGE_BYTES, (event) => {
      if (event.event !== undefined && event.event !== "message") return;
      for (const message of this.#deliver(event.data)) onDelivered?.(message);
    });
    return (chunk) => parser.push(decoder.decode(chunk, { stream: true }));
  }

  /**
   * A POST's event stream ended without the answer to its request (cut at the size cap, the
   * connection dropped, or the server just closed it): the request fails now with the reason,
   * instead of hanging until its timeout.
   */
  #answerUnanswered(id: RequestId, reason: string): void {
    if (this.#closed) return;
    this.onmessage?.({ jsonrpc: "2.0", id, error: { code: -32603, message: `the upstream's answer stream ended before it answered (${reason})` } } as JSONRPCMessage);
  }

  /** Hands each JSON-RPC message of a JSON text to the Protocol; returns those it handed over. */
  #deliver(text: string): JSONRPCMessage[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.onerror?.(new Error(`upstream sent a message that is not JSON: ${text.slice(0, 80)}`));
      return [];
    }
    const delivered: JSONRPCMessage[] = [];
    for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
      // The SDK's Protocol classifies each message itself; only the envelope is checked here.
      if (message && typeof message === "object" && (message as { jsonrpc?: unknown }).jsonrpc === "2.0") {
        delivered.push(message as JSONRPCMessage);
        this.onmessage?.(message as JSONRPCMessage);
      } else this.onerror?.(new Error("upstream sent a message that is not JSON-RPC 2.0"));
    }
    return delivered;
  }

  #deleteSession(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, DELETE_TIMEOUT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.#requests.dispatch({ path: this.#path, method: "DELETE", headers: this.#headersFor({}) }, { onRequestStart: () => {}, onResponseEnd: done, onResponseError: done });
    });
  }
}

function mediaType(contentType: Headers[string]): string {
  return String(contentType ?? "").split(";")[0].trim().toLowerCase();
}

function redirectError(status: number, headers: Headers): Error {
  return new Error(`upstream redirected (HTTP ${status}) to ${headers.location ?? "another address"}; register the final URL instead`);
}

function httpError(method: string, status: number, body: string): Error {
  const detail = body.trim().replace(/\s+/g, " ").slice(0, 200);
  const hint = status === 401 || status === 403 ? "; check the server's configured headers (its token)" : status === 404 ? "; the session expired or the URL is not an MCP endpoint" : "";
  return Object.assign(new Error(`${method} answered HTTP ${status}${detail ? `: ${detail}` : ""}${hint}`), { status });
}

/**
 * A body gathered as text. An answer (`strict`) past `limit` bytes cannot be used, so it throws;
 * an error page is only quoted, so past a few KB the rest is dropped.
 */
function collectText(limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    push(chunk: Buffer, strict: boolean) {
      if (!strict && size >= ERROR_TEXT_BYTES) return;
      size += chunk.length;
      if (strict && size > limit) throw new Error(`upstream answer exceeds ${limit} bytes`);
      chunks.push(chunk);
    },
    text: () => (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString("utf8"),
  };
}
