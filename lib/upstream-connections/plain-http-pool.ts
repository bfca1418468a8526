import net from "node:net";

/** How a response's reader stops its exchange (undici's DispatchController, the part used here). */
export interface ExchangeController {
  abort(reason: Error): void;
}

/** The handler of one exchange: undici's dispatch handler interface, the part the transport uses. */
export interface ExchangeHandler {
  onRequestStart(controller: ExchangeController): void;
  onResponseStart?(controller: ExchangeController, statusCode: number, headers: Record<string, string | string[]>): void;
  onResponseData?(controller: ExchangeController, chunk: Buffer): void;
  onResponseEnd?(controller: ExchangeController): void;
  onResponseError?(controller: ExchangeController, error: Error): void;
}

export interface ExchangeRequest {
  path: string;
  method: "GET" | "POST" | "DELETE";
  headers: Record<string, string>;
  body?: string;
}

/** What every HTTP pool the transport uses offers: undici's Pool, or this one. */
export interface HttpDispatcher {
  dispatch(request: ExchangeRequest, handler: ExchangeHandler): unknown;
  destroy(error: Error): Promise<void>;
}

export interface PlainHttpPoolOptions {
  /** Most connections open at once; requests beyond wait for one. */
  connections: number;
  /** From the request's write until its response head has arrived. */
  headersTimeout: number;
  /** Longest silence while a body arrives (0: none). */
  bodyTimeout: number;
}

/** Longest response head read; an upstream that sends more is not an MCP server. */
const MAX_HEAD_BYTES = 64 * 1024;
/** An idle connection is closed before a Node server's default keep-alive (5 s) would close it under a request. */
const DEFAULT_IDLE_MS = 3000;
const CRLF = Buffer.from("\r\n");
const HEAD_END = Buffer.from("\r\n\r\n");

/**
 * HTTP/1.1 over plain TCP, for upstreams at an http:// URL (https:// ones keep undici): keep-alive
 * connections, one exchange at a time on each, requests beyond `connections` queued, with
 * undici's dispatch handler interface so the transport does not care which it has. Measured for
 * the proxied hot path: undici's Pool took about twice the CPU per request (its Request objects,
 * llhttp in WebAssembly calling back into JS, setImmediate per resume); this one writes a request
 * in one write and reads its answer with a small parser (Content-Length, chunked, or until close).
 * A connection is reused only after a complete response that did not say `Connection: close`;
 * an aborted exchange destroys its connection (the rest of its answer would be misread).
 */
export class PlainHttpPool implements HttpDispatcher {
  readonly #host: string;
  readonly #port: number;
  readonly #hostHeader: string;
  readonly #options: PlainHttpPoolOptions;
  readonly #idle: Connection[] = [];
  readonly #queue: Exchange[] = [];
  readonly #open = new Set<Connection>();
  #destroyed: Error | undefined;

  constructor(origin: string, options: PlainHttpPoolOptions) {
    const url = new URL(origin);
    if (url.protocol !== "http:") throw new Error(`PlainHttpPool speaks plain HTTP only, not ${url.protocol}`);
    this.#host = url.hostname.replace(/^\[|\]$/g, "");
    this.#port = Number(url.port || 80);
    this.#hostHeader = url.host;
    this.#options = options;
  }

  dispatch(request: ExchangeRequest, handler: ExchangeHandler): boolean {
    const exchange = new Exchange(request, handler, this.#hostHeader);
    handler.onRequestStart(exchange);
    if (this.#destroyed) exchange.fail(this.#destroyed);
    else if (!exchange.ended) this.#start(exchange);
    return true;
  }

  async destroy(error: Error): Promise<void> {
    this.#destroyed = error;
    for (const exchange of this.#queue.splice(0)) exchange.fail(error);
    this.#idle.length = 0;
    for (const connection of [...this.#open]) connection.destroy(error);
  }

  #start(exchange: Exchange): void {
    let connection = this.#idle.pop();
    while (connection && connection.closed) connection = this.#idle.pop();
    if (connection) return connection.run(exchange);
    if (this.#open.size < this.#options.connections) return this.#connect().run(exchange);
    this.#queue.push(exchange);
  }

  #connect(): Connection {
    const connection = new Connection(net.connect({ host: this.#host, port: this.#port, noDelay: true }), this.#options, {
      reusable: () => this.#release(connection),
      gone: () => {
        this.#open.delete(connection);
        const at = this.#idle.indexOf(connection);
        if (at >= 0) this.#idle.splice(at, 1);
        // A connection lost frees room for a queued exchange.
        let next = this.#queue.shift();
        while (next?.ended) next = this.#queue.shift();
        if (next && !this.#destroyed) this.#start(next);
      },
    });
    this.#open.add(connection);
    return connection;
  }

  /** A connection finished an exchange and may be reused: the next queued one, or idle. */
  #release(connection: Connection): void {
    let next = this.#queue.shift();
    while (next?.ended) next = this.#queue.shift();
    if (next) return connection.run(next);
    this.#idle.push(connection);
    connection.idle();
  }
}

/** One request and its answer; also its own controller (abort). */
class Exchange implements ExchangeController {
  readonly request: ExchangeRequest;
  readonly handler: ExchangeHandler;
  readonly head: string;
  ended = false;
  #connection: Connection | undefined;

  constructor(request: ExchangeRequest, handler: ExchangeHandler, hostHeader: string) {
    this.request = request;
    this.handler = handler;
    let head = `${request.method} ${request.path} HTTP/1.1\r\nhost: ${hostHeader}\r\n`;
    for (const name in request.headers) {
      const value = request.headers[name];
      // A line break would end the header and start another (request splitting).
      if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new Error(`header ${name.slice(0, 40)} holds a line break`);
      head += `${name}: ${value}\r\n`;
    }
    if (request.body !== undefined) head += `content-length: ${Buffer.byteLength(request.body)}\r\n`;
    this.head = `${head}\r\n`;
  }

  attach(connection: Connection): void {
    this.#connection = connection;
  }

  abort(reason: Error): void {
    if (this.ended) return;
    const connection = this.#connection;
    this.fail(reason);
    connection?.destroy(reason);
  }

  fail(error: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.#connection = undefined;
    this.handler.onResponseError?.(this, error);
  }

  /** The whole response was read. */
  complete(): void {
    if (this.ended) return;
    this.ended = true;
    this.#connection = undefined;
    this.handler.onResponseEnd?.(this);
  }
}

type BodyMode = { kind: "length"; left: number } | { kind: "chunked"; left: number; state: "size" | "data" | "data-end" | "trailers" } | { kind: "close" };

/** One keep-alive TCP connection and the response parser of its current exchange. */
class Connection {
  closed = false;
  readonly #socket: net.Socket;
  readonly #options: PlainHttpPoolOptions;
  readonly #events: { reusable(): void; gone(): void };
  #exchange: Exchange | undefined;
  /** Set when the current exchange's response is complete. */
  #completed = false;
  #buffered: Buffer | undefined;
  #body: BodyMode | undefined;
  #keepAlive = true;
  #idleMs = DEFAULT_IDLE_MS;
  /** One timer per connection, moved only when a wait must end sooner than it fires (see #wait). */
  #timer: NodeJS.Timeout | undefined;
  #fireAt = 0;
  #deadline = Infinity;
  #waitingFor: { ms: number; what: string | undefined } = { ms: 0, what: undefined };

  constructor(socket: net.Socket, options: PlainHttpPoolOptions, events: { reusable(): void; gone(): void }) {
    this.#socket = socket;
    this.#options = options;
    this.#events = events;
    socket.on("data", (chunk: Buffer) => this.#read(chunk));
    socket.on("end", () => this.#ended());
    socket.on("error", (error) => this.destroy(error));
    socket.on("close", () => this.destroy(new Error("the upstream closed the connection")));
  }

  run(exchange: Exchange): void {
    this.#exchange = exchange;
    this.#buffered = undefined;
    this.#body = undefined;
    this.#completed = false;
    exchange.attach(this);
    this.#wait(this.#options.headersTimeout, "no response head");
    const { body } = exchange.request;
    this.#socket.write(body === undefined ? exchange.head : exchange.head + body);
  }

  idle(): void {
    this.#exchange = undefined;
    this.#wait(this.#idleMs, undefined);
  }

  destroy(error: Error): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.#timer);
    this.#socket.destroy();
    const exchange = this.#exchange;
    this.#exchange = undefined;
    exchange?.fail(error);
    this.#events.gone();
  }

  /**
   * Starts the current wait (0 ms: none): when it runs out, a timeout fails the exchange and an
   * idle connection just closes. The timer is moved only when the wait ends before it fires; a
   * later deadline is found when it fires, so a call costs about one timer operation, not three.
   */
  #wait(ms: number, what: string | undefined): void {
    this.#waitingFor = { ms, what };
    if (ms <= 0) {
      this.#deadline = Infinity;
      return;
    }
    this.#deadline = performance.now() + ms;
    if (!this.#timer || this.#deadline < this.#fireAt) this.#schedule(this.#deadline);
  }

  /** Data arrived: the body's silence starts again. */
  #heard(): void {
    if (this.#deadline !== Infinity) this.#deadline = performance.now() + this.#waitingFor.ms;
  }

  #schedule(at: number): void {
    clearTimeout(this.#timer);
    this.#fireAt = at;
    this.#timer = setTimeout(() => this.#fire(), Math.max(1, at - performance.now()));
    this.#timer.unref();
  }

  #fire(): void {
    this.#timer = undefined;
    if (this.#deadline === Infinity) return;
    if (performance.now() < this.#deadline) return this.#schedule(this.#deadline);
    const { ms, what } = this.#waitingFor;
    this.destroy(new Error(what ? `${what} within ${ms} ms` : "idle"));
  }

  #ended(): void {
    // Read until close: the end is the body's end.
    if (this.#exchange && this.#body?.kind === "close") this.#exchange.complete();
    this.destroy(new Error("the upstream closed the connection before answering"));
  }

  #read(chunk: Buffer): void {
    const exchange = this.#exchange;
    if (!exchange) return this.destroy(new Error("the upstream sent data with no request outstanding"));
    let data = this.#buffered ? Buffer.concat([this.#buffered, chunk]) : chunk;
    this.#buffered = undefined;
    try {
      while (data.length > 0 && !exchange.ended) {
        if (!this.#body) {
          const end = data.indexOf(HEAD_END);
          if (end < 0) {
            if (data.length > MAX_HEAD_BYTES) throw new Error(`response head over ${MAX_HEAD_BYTES} bytes`);
            this.#buffered = data;
            return;
          }
          const head = data.toString("latin1", 0, end);
          data = data.subarray(end + HEAD_END.length);
          this.#startResponse(exchange, head);
          continue;
        }
        data = this.#readBody(exchange, this.#body, data);
      }
    } catch (error) {
      return exchange.abort(error as Error);
    }
    if (!this.#completed) return;
    // Bytes after a complete answer, with no request outstanding: nothing on this connection can be trusted.
    if (data.length > 0 || !this.#keepAlive) return this.destroy(new Error("connection not reusable"));
    this.#exchange = undefined;
    this.#events.reusable();
  }

  #complete(exchange: Exchange): void {
    this.#completed = true;
    exchange.complete();
  }

  #startResponse(exchange: Exchange, head: string): void {
    const lines = head.split("\r\n");
    const status = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0]);
    if (!status) throw new Error(`not an HTTP/1.1 response: ${lines[0].slice(0, 40)}`);
    const statusCode = Number(status[2]);
    // 1xx heads (100 Continue, 103 Early Hints) precede the real one.
    if (statusCode < 200) return;
    const headers: Record<string, string | string[]> = {};
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i].indexOf(":");
      if (colon <= 0) throw new Error("malformed response header line");
      const name = lines[i].slice(0, colon).trim().toLowerCase();
      const value = lines[i].slice(colon + 1).trim();
      const seen = headers[name];
      headers[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
    const connection = String(headers.connection ?? "").toLowerCase();
    this.#keepAlive = status[1] === "1" ? !connection.includes("close") : connection.includes("keep-alive");
    // The server's own idle limit (Keep-Alive: timeout=N), less two seconds (as undici) for a busy event loop to send in time.
    const timeout = /timeout=(\d+)/.exec(String(headers["keep-alive"] ?? ""));
    const hintedMs = timeout ? Number(timeout[1]) * 1000 - 2000 : DEFAULT_IDLE_MS;
    if (hintedMs <= 0) this.#keepAlive = false;
    else this.#idleMs = Math.min(DEFAULT_IDLE_MS, hintedMs);
    const length = headers["content-length"];
    const noBody = statusCode === 204 || statusCode === 304;
    if (String(headers["transfer-encoding"] ?? "").toLowerCase().includes("chunked")) this.#body = { kind: "chunked", left: 0, state: "size" };
    else if (noBody) this.#body = { kind: "length", left: 0 };
    else if (typeof length === "string" && /^\d+$/.test(length)) this.#body = { kind: "length", left: Number(length) };
    else if (length !== undefined) throw new Error("invalid Content-Length");
    else this.#body = { kind: "close" };
    this.#wait(this.#options.bodyTimeout, "no response data");
    exchange.handler.onResponseStart?.(exchange, statusCode, headers);
    if (!exchange.ended && this.#body.kind === "length" && this.#body.left === 0) this.#complete(exchange);
  }

  /** Reads what `data` holds of the body; returns what is left of `data` (the next state's). */
  #readBody(exchange: Exchange, body: BodyMode, data: Buffer): Buffer {
    this.#heard();
    if (body.kind === "close") return this.#deliver(exchange, data, data.length);
    if (body.kind === "length") {
      const rest = this.#deliver(exchange, data, body.left);
      body.left -= data.length - rest.length;
      if (body.left === 0 && !exchange.ended) this.#complete(exchange);
      return rest;
    }
    switch (body.state) {
      case "size":
      case "trailers": {
        const eol = data.indexOf(CRLF);
        if (eol < 0) {
          if (data.length > MAX_HEAD_BYTES) throw new Error("chunk size line too long");
          this.#buffered = data;
          return Buffer.alloc(0);
        }
        const line = data.toString("latin1", 0, eol);
        const rest = data.subarray(eol + CRLF.length);
        if (body.state === "trailers") {
          // The empty line ends the trailers, and the response.
          if (line === "" && !exchange.ended) this.#complete(exchange);
          return rest;
        }
        const size = /^[0-9a-fA-F]+/.exec(line);
        if (!size) throw new Error("malformed chunk size");
        body.left = parseInt(size[0], 16);
        body.state = body.left === 0 ? "trailers" : "data";
        return rest;
      }
      case "data": {
        const rest = this.#deliver(exchange, data, body.left);
        body.left -= data.length - rest.length;
        if (body.left === 0) body.state = "data-end";
        return rest;
      }
      case "data-end": {
        if (data.length < CRLF.length) {
          this.#buffered = data;
          return Buffer.alloc(0);
        }
        if (data[0] !== 13 || data[1] !== 10) throw new Error("malformed chunk end");
        body.state = "size";
        return data.subarray(CRLF.length);
      }
    }
  }

  /** Hands up to `most` bytes of `data` to the handler; returns the rest. */
  #deliver(exchange: Exchange, data: Buffer, most: number): Buffer {
    const take = Math.min(most, data.length);
    if (take > 0) exchange.handler.onResponseData?.(exchange, take === data.length ? data : data.subarray(0, take));
    return data.subarray(take);
  }
}
