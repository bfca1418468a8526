import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage, RequestId } from "@modelcontextprotocol/sdk/types.js";
import { Pool, type Dispatcher } from "undici";
import { parseServerSentEvents } from "@/lib/upstream-connections/parse-server-sent-events";
import { UpstreamRequestError } from "@/lib/upstream-connections/upstream-request-error";
import { UpstreamSessionGoneError } from "@/lib/upstream-connections/upstream-session-gone-error";

/** Largest answer (JSON body or one SSE event) taken from an upstream, as for stdio upstreams. */
export const MAX_UPSTREAM_MESSAGE_BYTES = 10 * 1024 * 1024;
/** Most of an error page kept, to quote its start. */
const ERROR_TEXT_BYTES = 4096;
/** Delays before reopening a lost GET stream (the upstream's own announcements). */
const FIRST_STREAM_RETRY_MS = 1000;
const MAX_STREAM_RETRY_MS = 30_000;
/** Times a request's cut event stream is resumed (Last-Event-ID) before the request fails. */
const MAX_RESUMPTIONS = 5;
/** How long close() gives the upstream to acknowledge the DELETE of its session. */
const DELETE_TIMEOUT_MS = 2000;
/** What every POST of a message says of itself and accepts back (the spec's two answer forms). */
const POST_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" } as const;

export interface StreamableHttpUpstreamOptions {
  /** Static headers of the server's config (its token, say), sent with every request. */
  headers: Record<string, string>;
  /** Connections for requests: the pool's per-server concurrency cap, so no call waits for a socket. */
  connections: number;
  /**
   * Backstop for an upstream that stops sending mid-answer without the call being cancelled:
   * frees the connection it held.
   */
  idleTimeoutMs: number;
}

type Headers = Record<string, string | string[] | undefined>;

/**
 * MCP Streamable HTTP, client side, for the hub's pooled upstream connections: undici's dispatch
 * API with small handlers (no Request/Response/Headers objects or web streams per call), instead of
 * the SDK's Fetch transport, which cost the hub about 700 µs of CPU per proxied call. Same wire
 * behaviour: POST each message with the session and protocol-version headers, take a JSON or SSE
 * answer, resume a cut answer stream with Last-Event-ID, open the GET stream after
 * `notifications/initialized` (405: the server has none), DELETE the session on close, and end
 * the connection (onclose) when the upstream has forgotten the session (404; 400 to a reopened
 * GET stream, or to a POST saying the session ID is not valid: UpstreamSessionGoneError, so the
 * pool resends that request on a new session) or no longer listens (the GET stream's reopening
 * refused), so the pool starts a new one. A cancelled request's HTTP exchange is aborted, so a hung call does not hold one of the
 * capped connections. Redirects are refused, not followed: an upstream's URL is registered by an
 * admin, and a redirect elsewhere would carry its configured headers (bearer tokens) to another host.
 */
export class StreamableHttpUpstreamTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  sessionId?: string;
  readonly #path: string;
  readonly #options: StreamableHttpUpstreamOptions;
  /** Requests; the GET stream; notifications, responses and the DELETE: apart, so none waits behind another. */
  readonly #requests: Pool;
  readonly #stream: Pool;
  readonly #notices: Pool;
  /** The HTTP exchange carrying each request's answer, to abort when the request is cancelled. */
  readonly #exchanges = new Map<RequestId, Dispatcher.DispatchController>();
  #protocolVersion: string | undefined;
  #streamRetryMs = FIRST_STREAM_RETRY_MS;
  #streamLastEventId: string | undefined;
  #streamTimer: NodeJS.Timeout | undefined;
  /** Whether the GET stream was open on this session once (a later 400 to it then means the session is gone). */
  #streamWasOpen = false;
  #closed = false;

  constructor(url: URL, options: StreamableHttpUpstreamOptions) {
    this.#path = url.pathname + url.search;
    this.#options = options;
    const timeouts = { headersTimeout: options.idleTimeoutMs, bodyTimeout: options.idleTimeoutMs };
    this.#requests = new Pool(url.origin, { connections: options.connections, pipelining: 1, ...timeouts });
    this.#notices = new Pool(url.origin, { connections: 2, pipelining: 1, ...timeouts });
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
    if ("method" in message && "id" in message) return this.#sendRequest(message, message.id);
    const sent = this.#sendNotice(message);
    if ("method" in message && message.method === "notifications/cancelled") {
      // The Protocol has given up on it (cancelled or timed out): free its connection too.
      const requestId = (message.params as { requestId?: RequestId } | undefined)?.requestId;
      const exchange = requestId === undefined ? undefined : this.#exchanges.get(requestId);
      this.#exchanges.delete(requestId as RequestId);
      exchange?.abort(new Error("cancelled"));
    }
    return sent;
  }

  close(): Promise<void> {
    return this.#end("the connection was closed");
  }

  /** Ends the connection; what is still in flight fails with `reason`. */
  async #end(reason: string): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#streamTimer);
    this.#exchanges.clear();
    const ended = new Error(reason);
    await Promise.all([this.#stream.destroy(ended), this.#requests.destroy(ended)]).catch(() => {});
    if (this.sessionId) await this.#deleteSession();
    await this.#notices.destroy(ended).catch(() => {});
    this.onclose?.();
  }

  #sendRequest(message: JSONRPCMessage, id: RequestId): Promise<void> {
    return new Promise((resolve, reject) => {
      let status = 0;
      let mode: "error" | "ignore" | "json" | "events" = "error";
      const body = collectText(MAX_UPSTREAM_MESSAGE_BYTES);
      let events: EventReader | undefined;
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (!error) return resolve();
        // The Protocol fails the request with this error: nothing may answer it later.
        this.#exchanges.delete(id);
        reject(error);
      };
      const headers = this.#headersFor(POST_HEADERS);
      this.#requests.dispatch({ path: this.#path, method: "POST", headers, body: JSON.stringify(message) }, {
        onRequestStart: (controller) => void this.#exchanges.set(id, controller),
        onResponseStart: (controller, statusCode, responseHeaders) => {
          status = statusCode;
          const sessionId = responseHeaders["mcp-session-id"];
          if (typeof sessionId === "string") this.sessionId = sessionId;
          const refusal = this.#refusalOf(status, responseHeaders);
          if (refusal) {
            settle(refusal);
            return controller.abort(refusal);
          }
          if (status < 200 || status >= 300) return;
          if (status === 202) {
            mode = "ignore";
            this.#exchanges.delete(id);
            this.#answerUnanswered(id, "the upstream accepted the request without answering it");
            return settle();
          }
          const type = mediaType(responseHeaders["content-type"]);
          if (type === "application/json") return void (mode = "json");
          if (type === "text/event-stream") {
            mode = "events";
            events = this.#eventReader(id);
            return settle();
          }
          const error = new Error(`upstream answered with content type ${type || "(none)"}, not JSON or an event stream: is this URL an MCP endpoint?`);
          settle(error);
          controller.abort(error);
        },
        onResponseData: (controller, chunk) => {
          try {
            if (mode === "events") events?.push(chunk);
            else if (mode !== "ignore") body.push(chunk, mode === "json");
          } catch (error) {
            if (mode === "events") this.onerror?.(error as Error);
            controller.abort(error as Error);
          }
        },
        onResponseEnd: () => {
          if (mode === "ignore") return;
          if (mode === "error") return settle(this.#answerError(status, body.text()));
          if (mode === "json") {
            this.#exchanges.delete(id);
            if (!this.#deliver(body.text()).some((delivered) => answers(delivered, id))) this.#answerUnanswered(id, "its JSON answer did not answer the request");
            return settle();
          }
          this.#afterEvents(id, events, "closed by the server");
        },
        onResponseError: (_controller, error) => {
          if (!settled) return settle(mode === "json" ? new UpstreamRequestError(error.message) : error);
          if (mode === "events") this.#afterEvents(id, events, error.message);
        },
      });
    });
  }

  /** A request's event stream ended: answered, cancelled, resumable (it had event ids), or failed now. */
  #afterEvents(id: RequestId, events: EventReader | undefined, reason: string, resumptions = 0): void {
    if (!this.#exchanges.has(id)) return; // cancelled: the Protocol has already settled it
    if (events?.answered) return void this.#exchanges.delete(id);
    const lastEventId = events?.lastEventId;
    if (lastEventId === undefined || resumptions >= MAX_RESUMPTIONS || this.#closed) {
      this.#exchanges.delete(id);
      return this.#answerUnanswered(id, reason);
    }
    // 2025-11-25 resumability: the server may close a request's stream and replay the rest on a GET.
    const timer = setTimeout(() => this.#resume(id, lastEventId, resumptions + 1), events?.retryMs ?? FIRST_STREAM_RETRY_MS);
    timer.unref();
  }

  #resume(id: RequestId, lastEventId: string, resumptions: number): void {
    if (this.#closed || !this.#exchanges.has(id)) return;
    let events: EventReader | undefined;
    const headers = this.#headersFor({ accept: "text/event-stream", "last-event-id": lastEventId });
    this.#requests.dispatch({ path: this.#path, method: "GET", headers }, {
      onRequestStart: (controller) => void this.#exchanges.set(id, controller),
      onResponseStart: (controller, status, responseHeaders) => {
        const refusal = this.#refusalOf(status, responseHeaders) ?? (status !== 200 || mediaType(responseHeaders["content-type"]) !== "text/event-stream" ? new Error(`resuming its answer stream answered HTTP ${status}`) : undefined);
        if (refusal) return controller.abort(refusal);
        events = this.#eventReader(id);
      },
      onResponseData: (controller, chunk) => {
        try {
          events?.push(chunk);
        } catch (error) {
          controller.abort(error as Error);
        }
      },
      onResponseEnd: () => this.#afterEvents(id, events ?? { answered: false, lastEventId, retryMs: undefined, push() {} }, "closed by the server", resumptions),
      onResponseError: (_controller, error) => {
        if (!this.#exchanges.has(id)) return;
        this.#exchanges.delete(id);
        this.#answerUnanswered(id, error.message);
      },
    });
  }

  #sendNotice(message: JSONRPCMessage): Promise<void> {
    const isInitialized = "method" in message && message.method === "notifications/initialized";
    return new Promise((resolve, reject) => {
      let status = 0;
      const body = collectText(0);
      this.#notices.dispatch({ path: this.#path, method: "POST", headers: this.#headersFor(POST_HEADERS), body: JSON.stringify(message) }, {
        onRequestStart: () => {},
        onResponseStart: (controller, statusCode, headers) => {
          status = statusCode;
          const refusal = this.#refusalOf(status, headers);
          if (refusal) {
            reject(refusal);
            controller.abort(refusal);
          }
        },
        onResponseData: (_controller, chunk) => body.push(chunk, false),
        onResponseEnd: () => {
          if (status < 200 || status >= 300) return reject(this.#answerError(status, body.text()));
          if (isInitialized) this.#openStream();
          resolve();
        },
        onResponseError: (_controller, error) => reject(error),
      });
    });
  }

  /** What a status forbids reading on: a redirect (refused), or a 404 that ends the session. */
  #refusalOf(status: number, headers: Headers): Error | undefined {
    if (status >= 300 && status < 400) return redirectError(status, headers);
    if (status === 404 && this.sessionId) {
      // The upstream restarted or expired the session: this connection is over (spec: start a new
      // one). After the caller has seen the 404: ending it now would fail the call as "destroyed".
      queueMicrotask(() => this.#lose("the upstream ended its session (HTTP 404: restarted or expired)"));
      return httpError("POST", 404, "");
    }
    return undefined;
  }

  /** A POST's refusal (read to its end). A 400 that says the session is unknown ends the connection, as a 404 does. */
  #answerError(status: number, body: string): Error {
    if (status !== 400 || !this.sessionId || !forgotSession(body)) return httpError("POST", status, body);
    // After the caller has seen the refusal, as for a 404 (see #refusalOf).
    queueMicrotask(() => this.#lose("the upstream no longer knows its session (HTTP 400: restarted?)"));
    return new UpstreamSessionGoneError(`POST answered HTTP 400: ${body.trim().replace(/\s+/g, " ").slice(0, 200)}`);
  }

  /** Ends the connection from the upstream's side: no DELETE (the session is gone), onclose so the pool reconnects. */
  #lose(reason: string): void {
    if (this.#closed) return;
    this.sessionId = undefined;
    // Said first: it is why the connection was lost, in the pool's status and log.
    this.onerror?.(new Error(reason));
    void this.#end(reason);
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
    let reader: EventReader | undefined;
    let ended = false;
    const retry = (reason: string) => {
      if (ended || this.#closed) return;
      ended = true;
      this.#streamLastEventId = reader?.lastEventId ?? this.#streamLastEventId;
      this.onerror?.(new Error(`the upstream's event stream ${reason}`));
      this.#reopenStreamLater(reader?.retryMs);
    };
    const headers = this.#headersFor({ accept: "text/event-stream", ...(this.#streamLastEventId === undefined ? {} : { "last-event-id": this.#streamLastEventId }) });
    this.#stream.dispatch({ path: this.#path, method: "GET", headers }, {
      onRequestStart: () => {},
      onResponseStart: (controller, status, responseHeaders) => {
        if (status === 405) {
          ended = true;
          return controller.abort(new Error("the upstream has no event stream"));
        }
        if (status === 400 && this.sessionId && this.#streamWasOpen) {
          // The stream opened on this session before, and a GET carries nothing to refuse but its
          // session: many servers (the SDK's own examples among them) answer an unknown one with
          // 400 where the spec says 404. Reopening would get the same answer forever while every
          // call went to a session the upstream forgot. (A first GET refused with 400 is only a
          // server without a stream that says so oddly: the connection stays.)
          ended = true;
          controller.abort(new Error("no event stream"));
          return this.#lose("the upstream no longer knows its session (HTTP 400 to its event stream: restarted?)");
        }
        const refusal = this.#refusalOf(status, responseHeaders);
        if (refusal || status !== 200 || mediaType(responseHeaders["content-type"]) !== "text/event-stream") {
          retry(refusal ? refusal.message : `answered HTTP ${status}`);
          return controller.abort(new Error("no event stream"));
        }
        // Backoff is reset by an event, not by the 200: a server that closes at once is not re-polled every second.
        this.#streamWasOpen = true;
        reader = this.#eventReader(undefined, () => (this.#streamRetryMs = FIRST_STREAM_RETRY_MS));
      },
      onResponseData: (controller, chunk) => {
        try {
          reader?.push(chunk);
        } catch (error) {
          controller.abort(error as Error);
        }
      },
      onResponseEnd: () => retry("ended"),
      onResponseError: (_controller, error) => {
        // Nothing listens any more (the upstream stopped): the connection is over, and the pool's
        // reconnecting with backoff says so in the server's status, instead of reading "connected"
        // until the next call fails.
        if ((error as NodeJS.ErrnoException).code === "ECONNREFUSED") {
          ended = true;
          return this.#lose("the upstream is not listening any more (ECONNREFUSED)");
        }
        retry(`failed (${error.message})`);
      },
    });
  }

  #reopenStreamLater(serverRetryMs: number | undefined): void {
    if (this.#closed) return;
    const delay = Math.max(serverRetryMs ?? 0, this.#streamRetryMs);
    this.#streamRetryMs = Math.min(this.#streamRetryMs * 2, MAX_STREAM_RETRY_MS);
    this.#streamTimer = setTimeout(() => this.#openStream(), delay);
    this.#streamTimer.unref();
  }

  /** A reader of one event stream's bytes: each `message` event's JSON-RPC messages go to the Protocol. */
  #eventReader(answerTo: RequestId | undefined, onEvent?: () => void): EventReader {
    const decoder = new TextDecoder();
    const reader: EventReader = {
      answered: false,
      lastEventId: undefined,
      retryMs: undefined,
      push: (chunk) => {
        parser.push(decoder.decode(chunk, { stream: true }));
        reader.lastEventId = parser.lastEventId;
        reader.retryMs = parser.retryMs;
      },
    };
    const parser = parseServerSentEvents(MAX_UPSTREAM_MESSAGE_BYTES, (event) => {
      onEvent?.();
      if (event.event !== undefined && event.event !== "message") return;
      for (const message of this.#deliver(event.data)) if (answerTo !== undefined && answers(message, answerTo)) reader.answered = true;
    });
    return reader;
  }

  /**
   * A request's answer will not come (its stream ended, it was answered 202 or with JSON that did
   * not answer it): the request fails now with the reason, instead of hanging until its timeout.
   */
  #answerUnanswered(id: RequestId, reason: string): void {
    if (this.#closed) return;
    this.onmessage?.({ jsonrpc: "2.0", id, error: { code: -32603, message: `the upstream did not answer (${reason})` } } as JSONRPCMessage);
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
      this.#notices.dispatch({ path: this.#path, method: "DELETE", headers: this.#headersFor({}) }, { onRequestStart: () => {}, onResponseEnd: done, onResponseError: done });
    });
  }
}

interface EventReader {
  /** The stream carried the answer to its request. */
  answered: boolean;
  lastEventId: string | undefined;
  retryMs: number | undefined;
  push(chunk: Buffer): void;
}

function answers(message: JSONRPCMessage, id: RequestId): boolean {
  return "id" in message && !("method" in message) && message.id === id;
}

function mediaType(contentType: Headers[string]): string {
  return String(contentType ?? "").split(";")[0].trim().toLowerCase();
}

function redirectError(status: number, headers: Headers): Error {
  // Where to, without its query string (it may carry a token of the redirecting server's).
  const location = typeof headers.location === "string" ? headers.location.split(/[?#]/)[0] : "another address";
  return new UpstreamRequestError(`upstream redirected (HTTP ${status}) to ${location}; register the final URL instead`);
}

function httpError(method: string, status: number, body: string): Error {
  const detail = body.trim().replace(/\s+/g, " ").slice(0, 200);
  const hint = status === 401 || status === 403 ? "; check the server's configured headers (its token)" : status === 404 ? "; the session expired or the URL is not an MCP endpoint" : "";
  const message = `${method} answered HTTP ${status}${detail ? `: ${detail}` : ""}${hint}`;
  // A 404 ends the session (the transport closes itself); any other status concerns this request only.
  return status === 404 ? new UpstreamSessionGoneError(message) : new UpstreamRequestError(message);
}

/** Whether a 400's body is the SDK examples' answer to an unknown session ("No valid session ID provided"). */
function forgotSession(body: string): boolean {
  return /\bsession id\b/i.test(body.slice(0, 1000));
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
      if (strict && size > limit) throw new UpstreamRequestError(`upstream answer exceeds ${limit} bytes`);
      chunks.push(chunk);
    },
    text: () => (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString("utf8"),
  };
}
