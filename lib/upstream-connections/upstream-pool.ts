import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { McpError, ErrorCode, type CallToolResult, type Progress, type ServerCapabilities } from "@modelcontextprotocol/sdk/types.js";
import { HubError } from "@/lib/errors/hub-error";
import { logger } from "@/lib/log/logger";
import { checkCallToolResult } from "@/lib/upstream-connections/check-call-tool-result";
import { maxUpstreamCallMs } from "@/lib/upstream-connections/max-upstream-call-ms";
import { UpstreamErrorAnswer, UpstreamRpcEnded } from "@/lib/upstream-connections/upstream-rpc";
import { UpstreamSessionGoneError } from "@/lib/upstream-connections/upstream-session-gone-error";
import { openUpstreamClient, type UpstreamClient } from "@/lib/upstream-connections/open-upstream-client";
import { redactConfiguredValues } from "@/lib/upstream-connections/redact-configured-values";
import type { UpstreamConfig } from "@/lib/upstream-connections/upstream-config";

/** Connection state of one upstream, as the Servers page shows it. */
export type UpstreamState = "starting" | "connected" | "failing" | "stopped";

export interface UpstreamStatus {
  state: UpstreamState;
  lastError: string | null;
  at: Date;
}

/** What the pool asks of the registry (kept out of this folder: connections know no database). */
export interface UpstreamPoolHooks {
  /** The current config of a server by name (secrets decrypted), or undefined when unregistered. */
  loadConfig(name: string): Promise<UpstreamConfig | undefined>;
  /** After each (re)connect and each tools/list_changed announcement: re-read its tools. */
  onToolsMayHaveChanged(name: string, client: Client): Promise<void>;
  /** The server announced that its resources or prompts changed (debounced like tools). */
  onExtrasChanged(name: string, list: "resources" | "prompts"): void;
  /** The server announced that a resource changed (notifications/resources/updated, its own URI). */
  onResourceUpdated(name: string, uri: string): void;
  /** A new connection is up (first connect or reconnect): it holds none of the old one's subscriptions. */
  onConnected(name: string): void;
  /** Each state change (persisted for the console and the CLI). */
  onStatus(name: string, status: UpstreamStatus): void;
}

/** Reconnect delays after a failure: 0.5 s doubling to 30 s, reset by a successful connect. */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;
/** Notifications that arrive together (one per changed tool) cause one re-read. */
const LIST_CHANGED_DEBOUNCE_MS = 200;

interface CallOptions {
  signal: AbortSignal;
  /** Upstream progress notifications, passed back to the calling session. */
  onProgress?: (progress: Progress) => void;
}

/**
 * One pooled connection (or stdio process) per upstream server, shared by every session of this
 * process: connected on first use or at start, restarted with backoff when it dies, a per-server
 * concurrency cap and timeout, the caller's cancellation forwarded (notifications/cancelled) and
 * upstream progress handed back. Failures are HubErrors whose message names the server and what
 * to do, so the pipeline answers them as isError results.
 */
export class UpstreamPool {
  readonly #servers = new Map<string, PooledUpstream>();
  #hooks: UpstreamPoolHooks | undefined;

  configure(hooks: UpstreamPoolHooks): void {
    this.#hooks = hooks;
  }

  /** Connects the named servers now (at start), so their announcements and status flow at once. */
  async connectAll(names: readonly string[]): Promise<void> {
    await Promise.all(names.map(async (name) => (await this.#get(name))?.ensureConnected().catch(() => {})));
  }

  /** Calls a tool on a server; the result is the upstream's, unchanged. */
  async callTool(serverName: string, toolName: string, args: unknown, options: CallOptions): Promise<CallToolResult> {
    const server = await this.#server(serverName);
    return server.run(options.signal, async ({ rpc }, config) =>
      checkCallToolResult(
        await rpc.request("tools/call", { name: toolName, arguments: args }, {
          signal: options.signal,
          timeoutMs: config.timeoutMs,
          maxTotalTimeoutMs: maxUpstreamCallMs(config.timeoutMs),
          onProgress: options.onProgress,
        }),
      ),
    );
  }

  /** Runs one request on a server's pooled client, within its concurrency cap. */
  async request<T>(serverName: string, signal: AbortSignal, work: (client: Client, config: UpstreamConfig) => Promise<T>): Promise<T> {
    const server = await this.#server(serverName);
    return server.run(signal, ({ client }, config) => work(client, config));
  }

  /** The state of a server's connection in this process (undefined: never used here). */
  status(serverName: string): UpstreamStatus | undefined {
    return this.#servers.get(serverName)?.status;
  }

  /** Whether any server connected in this process declares these capabilities (e.g. resource subscriptions). */
  anyConnectedDeclares(declares: (capabilities: ServerCapabilities) => boolean): boolean {
    for (const server of this.#servers.values()) {
      const capabilities = server.capabilities;
      if (capabilities && declares(capabilities)) return true;
    }
    return false;
  }

  /** Re-reads every connected server's tools (the periodic re-sync). */
  async resyncAll(): Promise<void> {
    await Promise.all([...this.#servers.values()].map((server) => server.resync()));
  }

  /**
   * Stops and forgets a server (removed or edited); the next use reconnects with the new config.
   * No "stopped" status is reported: the server is not stopped, only this connection to it, and
   * the Servers page would otherwise read "stopped" until the new connection answers.
   */
  async forget(match: { id?: string; name?: string }): Promise<void> {
    for (const [name, server] of this.#servers) {
      if (name === match.name || server.config.id === match.id) {
        this.#servers.delete(name);
        await server.stop({ report: false });
      }
    }
  }

  /** Stops every connection and process (shutdown). */
  async closeAll(): Promise<void> {
    const servers = [...this.#servers.values()];
    this.#servers.clear();
    await Promise.all(servers.map((server) => server.stop()));
  }

  async #server(name: string): Promise<PooledUpstream> {
    const server = await this.#get(name);
    if (!server) throw new HubError("not_found", `Server ${name} is not registered on this hub.`);
    return server;
  }

  async #get(name: string): Promise<PooledUpstream | undefined> {
    const existing = this.#servers.get(name);
    if (existing) return existing;
    const hooks = this.#hooks;
    if (!hooks) throw new HubError("internal_error", "Upstream connections are not configured in this process.");
    const config = await hooks.loadConfig(name);
    if (!config) return undefined;
    // Two callers may have loaded it at once; keep the first.
    const raced = this.#servers.get(name);
    if (raced) return raced;
    const server = new PooledUpstream(config, hooks);
    this.#servers.set(name, server);
    return server;
  }
}

class PooledUpstream {
  readonly config: UpstreamConfig;
  status: UpstreamStatus = { state: "starting", lastError: null, at: new Date() };
  readonly #hooks: UpstreamPoolHooks;
  #connection: UpstreamClient | undefined;
  #connecting: Promise<UpstreamClient> | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #retryDelayMs = FIRST_RETRY_MS;
  #listChangedTimer: NodeJS.Timeout | undefined;
  readonly #extrasChangedTimers = new Map<"resources" | "prompts", NodeJS.Timeout>();
  #stopped = false;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(config: UpstreamConfig, hooks: UpstreamPoolHooks) {
    this.config = config;
    this.#hooks = hooks;
  }

  async run<T>(signal: AbortSignal, work: (connection: UpstreamClient, config: UpstreamConfig) => Promise<T>): Promise<T> {
    await this.#acquire(signal);
    try {
      for (let attempt = 1; ; attempt += 1) {
        // A second attempt waits for the new session rather than failing on the lost one's status.
        const connection = attempt === 1 ? await this.#connectedOrThrow() : await this.ensureConnected();
        try {
          return await work(connection, this.config);
        } catch (error) {
          if (error instanceof UpstreamSessionGoneError && attempt === 1 && !signal.aborted) {
            // The upstream restarted and refused the request unread: a new session, and the same request once more.
            this.#onLost(connection, error.message);
            continue;
          }
          throw this.#failed(error, connection, signal);
        }
      }
    } finally {
      this.#release();
    }
  }

  /** What a failed request leaves: the error to answer with, and for a lost remote the connection dropped. */
  #failed(error: unknown, connection: UpstreamClient, signal: AbortSignal): unknown {
    if (!signal.aborted && !(error instanceof McpError) && !(error instanceof HubError) && !keepsConnection(error) && this.config.transport !== "stdio") {
      // A remote that stopped answering (connection refused or reset, stream gone) does not
      // close the SDK client by itself: drop the connection and reconnect with backoff. One
      // request's refusal (an HTTP status, an answer over the cap) leaves everyone else's calls be.
      this.#onLost(connection, (error as Error).message?.split("\n")[0] ?? "request failed");
      void connection.close();
    }
    return this.#describeCallFailure(error, signal);
  }

  /** What the current connection's server declared at its handshake (undefined while not connected). */
  get capabilities(): ServerCapabilities | undefined {
    return this.#connection?.client.getServerCapabilities();
  }

  ensureConnected(): Promise<UpstreamClient> {
    if (this.#connection) return Promise.resolve(this.#connection);
    if (this.#stopped) return Promise.reject(new HubError("internal_error", `Server ${this.config.name} is stopped.`));
    this.#connecting ??= this.#connect();
    return this.#connecting;
  }

  async resync(): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    await this.#hooks
      .onToolsMayHaveChanged(this.config.name, connection.client)
      .catch((error: unknown) => logger.warn({ server: this.config.name, reason: this.#redactedReason(error) }, "re-reading an upstream's tools failed"));
  }

  async stop(options: { report: boolean } = { report: true }): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#listChangedTimer);
    for (const timer of this.#extrasChangedTimers.values()) clearTimeout(timer);
    const connection = this.#connection ?? (await this.#connecting?.catch(() => undefined));
    this.#connection = undefined;
    await connection?.close();
    if (options.report) this.#setStatus("stopped", null);
    for (const wake of this.#waiting.splice(0)) wake();
  }

  async #connect(): Promise<UpstreamClient> {
    this.#setStatus("starting", this.status.lastError);
    // Declared first: the connection may be lost during the handshake, before it is assigned.
    let connection: UpstreamClient | undefined;
    try {
      connection = await openUpstreamClient(this.config, {
        onListChanged: (list) => (list === "tools" ? this.#onListChanged() : this.#onExtrasChanged(list)),
        onResourceUpdated: (uri) => this.#hooks.onResourceUpdated(this.config.name, uri),
        onLost: (reason) => this.#onLost(connection, reason),
      });
      if (this.#stopped) {
        await connection.close();
        throw new HubError("internal_error", `Server ${this.config.name} is stopped.`);
      }
      this.#connection = connection;
      this.#retryDelayMs = FIRST_RETRY_MS;
      this.#setStatus("connected", null);
      this.#hooks.onConnected(this.config.name);
      void this.resync();
      return connection;
    } catch (error) {
      const reason = (error as Error).message;
      if (!this.#stopped) {
        this.#setStatus("failing", reason);
        this.#scheduleRetry();
      }
      throw this.#unreachable(reason);
    } finally {
      this.#connecting = undefined;
    }
  }

  #onLost(connection: UpstreamClient | undefined, reason: string): void {
    if (this.#stopped || (connection && this.#connection !== connection)) return;
    this.#connection = undefined;
    const detail = redactConfiguredValues([reason, connection?.diagnostics().split("\n").at(-1)].filter(Boolean).join("; "), this.config);
    logger.warn({ server: this.config.name, reason: detail }, "upstream connection lost; reconnecting");
    this.#setStatus("failing", detail);
    this.#scheduleRetry();
  }

  #scheduleRetry(): void {
    if (this.#stopped || this.#retryTimer) return;
    const delay = this.#retryDelayMs;
    this.#retryDelayMs = Math.min(this.#retryDelayMs * 2, MAX_RETRY_MS);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.ensureConnected().catch(() => {});
    }, delay);
    this.#retryTimer.unref();
  }

  #onListChanged(): void {
    clearTimeout(this.#listChangedTimer);
    this.#listChangedTimer = setTimeout(() => void this.resync(), LIST_CHANGED_DEBOUNCE_MS);
  }

  #onExtrasChanged(list: "resources" | "prompts"): void {
    clearTimeout(this.#extrasChangedTimers.get(list));
    this.#extrasChangedTimers.set(list, setTimeout(() => this.#hooks.onExtrasChanged(this.config.name, list), LIST_CHANGED_DEBOUNCE_MS));
  }

  /** A connection now, or at once an error naming the server (a failing one is not waited for). */
  async #connectedOrThrow(): Promise<UpstreamClient> {
    if (this.#connection) return this.#connection;
    if (this.status.state === "failing" && !this.#connecting) throw this.#unreachable(this.status.lastError ?? "not connected");
    return this.ensureConnected();
  }

  #unreachable(reason: string): HubError {
    return new HubError("internal_error", `Server ${this.config.name} is unreachable (${redactConfiguredValues(reason, this.config)}). The hub keeps retrying in the background; retry the call shortly, and if it keeps failing ask an admin to check ${this.config.name} on the Servers page.`);
  }

  #describeCallFailure(error: unknown, signal: AbortSignal): unknown {
    if (signal.aborted || error instanceof HubError) return error;
    const name = this.config.name;
    if (error instanceof McpError) {
      const ended = hubEndOf(error);
      if (ended === "total-timeout") return new HubError("internal_error", `Server ${name} was still working on the call after ${maxUpstreamCallMs(this.config.timeoutMs) / 1000} s, the most its progress may extend it (10 × its timeout). Retry later, or ask an admin to raise its timeout.`, { cause: error });
      if (ended === "timeout") return new HubError("internal_error", `Server ${name} did not answer within ${this.config.timeoutMs / 1000} s. Retry later, or ask an admin to raise its timeout.`, { cause: error });
      if (ended === "closed") {
        return new HubError("internal_error", `Server ${name} stopped during the call (${this.status.lastError ?? "connection closed"}). The hub is restarting it; retry the call in a few seconds.`, { cause: error });
      }
      // The upstream's own protocol error (unknown tool, bad params): its message is about the call.
      return new HubError("internal_error", `Server ${name} refused the call: ${redactConfiguredValues(error.message, this.config).slice(0, 500)}`, { cause: error });
    }
    const reason = this.#redactedReason(error);
    logger.warn({ server: name, reason }, "upstream call failed");
    // A refusal of this one request (an HTTP status, a malformed answer) may not heal by retrying.
    const advice = keepsConnection(error) ? `If it keeps failing, ask an admin to check ${name} on the Servers page.` : `Retry the call; if it keeps failing ask an admin to check ${name} on the Servers page.`;
    return new HubError("internal_error", `Server ${name} failed to answer (${reason.slice(0, 200)}). ${advice}`, { cause: error });
  }


  /**
   * The first line of an error's message with the configured values blanked: logged, and told to
   * the caller. (Not the error object: its message and stack may echo a token or the URL's.)
   */
  #redactedReason(error: unknown): string {
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] || "unknown error";
    return redactConfiguredValues(message, this.config);
  }

  #setStatus(state: UpstreamState, rawError: string | null): void {
    const lastError = rawError === null ? null : redactConfiguredValues(rawError, this.config);
    if (this.status.state === state && this.status.lastError === lastError) return;
    this.status = { state, lastError, at: new Date() };
    this.#hooks.onStatus(this.config.name, this.status);
  }

  async #acquire(signal: AbortSignal): Promise<void> {
    while (this.#active >= this.config.maxConcurrency) {
      if (signal.aborted) throw signal.reason;
      await new Promise<void>((resolve) => {
        const onAbort = () => {
          const index = this.#waiting.indexOf(wake);
          if (index >= 0) this.#waiting.splice(index, 1);
          resolve();
        };
        const wake = () => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        };
        this.#waiting.push(wake);
        signal.addEventListener("abort", onAbort, { once: true });
      });
      if (this.#stopped) throw new HubError("internal_error", `Server ${this.config.name} was stopped.`);
    }
    this.#active += 1;
  }

  #release(): void {
    this.#active -= 1;
    this.#waiting.shift()?.();
  }
}

/**
 * How the hub itself ended a request, if it did: UpstreamRpc says so by class; the SDK Protocol's
 * own requests (resources, prompts) say it by code. Anything else is the upstream's own answer.
 */
function hubEndOf(error: McpError): UpstreamRpcEnded["why"] | undefined {
  if (error instanceof UpstreamRpcEnded) return error.why;
  if (error instanceof UpstreamErrorAnswer) return undefined;
  return error.code === ErrorCode.RequestTimeout ? "timeout" : error.code === ErrorCode.ConnectionClosed ? "closed" : undefined;
}

function keepsConnection(error: unknown): boolean {
  return (error as { keepsConnection?: boolean } | null)?.keepsConnection === true;
}

const globalForUpstreams = globalThis as unknown as { switchboardUpstreamPool?: UpstreamPool };

/** The process-wide upstream pool (on globalThis: the Node server and Next's bundles share it). */
export function getUpstreamPool(): UpstreamPool {
  return (globalForUpstreams.switchboardUpstreamPool ??= new UpstreamPool());
}
