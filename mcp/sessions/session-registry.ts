import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { Principal } from "@/lib/api-keys/principal";
import { refreshPrincipals } from "@/lib/api-keys/refresh-principals";
import { HubError } from "@/lib/errors/hub-error";
import { filterToldRecipients } from "@/lib/events/filter-told-recipients";
import { subscribeHubEvents, type HubEvent } from "@/lib/events/hub-events";
import { listChangesOf, type ListChanges, type ListKind, type ServerVisibility } from "@/lib/events/list-changes-of";
import { logger } from "@/lib/log/logger";

export type SessionTransportKind = "sse" | "streamable";

/** What the registry needs from a transport: keep-alives, and whether a client stream is attached. */
export interface SessionChannel {
  keepAlive(): void;
  readonly hasOpenStream: boolean;
}

/** One live MCP session, bound to the key that opened it. */
export interface HubSession {
  id: string;
  transport: SessionTransportKind;
  keyId: string;
  userId: string;
  /** The principal of the session's latest request (findSessionOrThrow refreshes it), re-read at every permissions change: who it is told about. */
  principal: Principal;
  server: Server;
  channel: SessionChannel;
  /** ms since epoch of the last client request; idle sessions expire after the TTL. */
  lastActivityAt: number;
  /** Whether the session's initialize has arrived (a second one is refused: assertFirstInitialize). */
  initialized: boolean;
}

/** The keep-alive comment interval for event streams (proxies commonly cut idle streams at 30–60 s). */
const KEEP_ALIVE_MS = 15_000;

const SEND_LIST_CHANGED = {
  tools: (server: Server) => server.sendToolListChanged(),
  resources: (server: Server) => server.sendResourceListChanged(),
  prompts: (server: Server) => server.sendPromptListChanged(),
} as const satisfies Record<ListKind, (server: Server) => Promise<void>>;

/**
 * The one process-wide registry of live MCP sessions (on globalThis: Next bundles and the Node
 * server load modules separately). It reacts to hub events: a revoked key or a disabled user
 * loses its sessions at once; catalogue, permission and upstream changes reach every session as
 * notifications/{tools,resources,prompts}/list_changed (listChangesOf), an upstream's own
 * resources/prompts change only sessions whose principal may see that server. One timer sends
 * keep-alives and expires idle sessions.
 */
export class SessionRegistry {
  readonly #sessions = new Map<string, HubSession>();
  readonly #counts: Record<SessionTransportKind, number> = { sse: 0, streamable: 0 };
  readonly #perKey = new Map<string, number>();
  readonly #perUser = new Map<string, number>();
  #limits = { maxSessions: Number.POSITIVE_INFINITY, maxSessionsPerKey: Number.POSITIVE_INFINITY, maxSessionsPerUser: Number.POSITIVE_INFINITY };
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;
  #ttlMs = 1_800_000;
  #maySeeServer: ServerVisibility | undefined;
  #activeCalls = 0;
  readonly #callsBySession = new Map<string, number>();

  /**
   * Starts the keep-alive/expiry timer and the hub-event subscription (idempotent). Without
   * `maySeeServer` no session is told of an upstream server's own list changes.
   */
  start(options: { ttlSeconds: number; maxSessions?: number; maxSessionsPerKey?: number; maxSessionsPerUser?: number; maySeeServer?: ServerVisibility }): void {
    this.#ttlMs = options.ttlSeconds * 1000;
    this.#maySeeServer = options.maySeeServer;
    const maxSessions = options.maxSessions ?? Number.POSITIVE_INFINITY;
    this.#limits = {
      maxSessions,
      maxSessionsPerKey: options.maxSessionsPerKey ?? Number.POSITIVE_INFINITY,
      // At most half the hub: one person (over all their keys) can never starve everyone else.
      maxSessionsPerUser: Math.min(options.maxSessionsPerUser ?? Number.POSITIVE_INFINITY, Math.max(1, Math.floor(maxSessions / 2))),
    };
    if (this.#timer) return;
    const tickMs = Math.min(KEEP_ALIVE_MS, Math.max(1000, this.#ttlMs / 4));
    let sinceKeepAlive = 0;
    this.#timer = setInterval(() => {
      sinceKeepAlive += tickMs;
      const sendKeepAlive = sinceKeepAlive >= KEEP_ALIVE_MS;
      if (sendKeepAlive) sinceKeepAlive = 0;
      this.#tick(Date.now(), sendKeepAlive);
    }, tickMs).unref();
    this.#unsubscribe = subscribeHubEvents((event) => this.#onHubEvent(event));
  }

  /** Stops the timer and the subscription; sessions stay open (see closeAll). */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /**
   * Registers a session, refusing it (HubError rate_limited) when the hub, its key or its user
   * already holds the most sessions allowed: every session costs memory, and initialize is not a
   * tool call. The per-user cap is at most half the hub's. At the per-key cap, the key's least
   * recently used session without a call in flight (one without an open stream first) is closed
   * to make room; only when every one of them is busy is the new session refused.
   */
  add(session: HubSession): void {
    let keySessions = this.#perKey.get(session.keyId) ?? 0;
    if (keySessions >= this.#limits.maxSessionsPerKey) {
      // Clients that crash never send DELETE: at the key's cap, its least recently used idle
      // session makes room, so abandoned sessions cannot lock the key out until their TTL.
      if (!this.#evictLeastRecentlyUsed(session.keyId)) {
        throw sessionLimitError(this.#limits.maxSessionsPerKey, `This API key already has ${keySessions} open sessions (the most allowed), each with a call in flight: retry once one finishes.`);
      }
      keySessions = this.#perKey.get(session.keyId) ?? 0;
    }
    const userSessions = this.#perUser.get(session.userId) ?? 0;
    if (userSessions >= this.#limits.maxSessionsPerUser) {
      throw sessionLimitError(this.#limits.maxSessionsPerUser, `You already have ${userSessions} open sessions over all your keys (the most allowed per person): close unused ones (DELETE /mcp) or let them expire.`);
    }
    if (this.#sessions.size >= this.#limits.maxSessions) {
      throw sessionLimitError(this.#limits.maxSessions, `The hub holds the most sessions it allows (${this.#sessions.size}); retry shortly.`);
    }
    this.#sessions.set(session.id, session);
    this.#counts[session.transport] += 1;
    this.#perKey.set(session.keyId, keySessions + 1);
    this.#perUser.set(session.userId, userSessions + 1);
  }

  get(id: string): HubSession | undefined {
    return this.#sessions.get(id);
  }

  /** Forgets a session whose transport closed; safe to call more than once. */
  remove(id: string): void {
    const session = this.#sessions.get(id);
    if (!session) return;
    this.#sessions.delete(id);
    this.#counts[session.transport] -= 1;
    const keySessions = (this.#perKey.get(session.keyId) ?? 1) - 1;
    if (keySessions > 0) this.#perKey.set(session.keyId, keySessions);
    else this.#perKey.delete(session.keyId);
    const userSessions = (this.#perUser.get(session.userId) ?? 1) - 1;
    if (userSessions > 0) this.#perUser.set(session.userId, userSessions);
    else this.#perUser.delete(session.userId);
  }

  /** Closes one session (its transport's onclose removes it). */
  async close(id: string): Promise<void> {
    const session = this.#sessions.get(id);
    if (!session) return;
    this.remove(id);
    await session.server.close().catch((error: unknown) => logger.warn({ err: error, sessionId: id }, "closing MCP session failed"));
  }

  /** Closes every session matching the predicate; returns how many. */
  async closeWhere(matches: (session: HubSession) => boolean): Promise<number> {
    const doomed = [...this.#sessions.values()].filter(matches);
    await Promise.all(doomed.map((session) => this.close(session.id)));
    return doomed.length;
  }

  async closeAll(): Promise<number> {
    return this.closeWhere(() => true);
  }

  /**
   * Counts a tool call as in flight until it settles, so shutdown can wait for it and a session
   * with a call running is never closed to make room.
   */
  async trackCall<T>(work: Promise<T>, sessionId?: string): Promise<T> {
    this.#activeCalls += 1;
    if (sessionId) this.#callsBySession.set(sessionId, (this.#callsBySession.get(sessionId) ?? 0) + 1);
    try {
      return await work;
    } finally {
      this.#activeCalls -= 1;
      if (sessionId) {
        const left = (this.#callsBySession.get(sessionId) ?? 1) - 1;
        if (left > 0) this.#callsBySession.set(sessionId, left);
        else this.#callsBySession.delete(sessionId);
      }
    }
  }

  /** Closes the key's least recently used session without a call in flight; false if none. */
  #evictLeastRecentlyUsed(keyId: string): boolean {
    let victim: HubSession | undefined;
    const rank = (candidate: HubSession) => [candidate.channel.hasOpenStream ? 1 : 0, candidate.lastActivityAt];
    for (const candidate of this.#sessions.values()) {
      if (candidate.keyId !== keyId || this.#callsBySession.has(candidate.id)) continue;
      if (!victim) victim = candidate;
      else {
        const [streamA, usedA] = rank(candidate);
        const [streamB, usedB] = rank(victim);
        if (streamA < streamB || (streamA === streamB && usedA < usedB)) victim = candidate;
      }
    }
    if (!victim) return false;
    logger.info({ event: "session_evicted", keyId, sessionId: victim.id, idleMs: Date.now() - victim.lastActivityAt }, "closed the key's least recently used session to make room for a new one");
    void this.close(victim.id);
    return true;
  }

  /** Tool calls still running (legacy SSE answers them after the POST's 202). */
  get activeCalls(): number {
    return this.#activeCalls;
  }

  /** Live sessions per transport: the hub's (kept as counters, read by /metrics) or one user's. */
  countByTransport(filter: { userId?: string } = {}): Record<SessionTransportKind, number> {
    if (filter.userId === undefined) return { ...this.#counts };
    const counts: Record<SessionTransportKind, number> = { sse: 0, streamable: 0 };
    for (const session of this.#sessions.values()) if (session.userId === filter.userId) counts[session.transport] += 1;
    return counts;
  }

  get size(): number {
    return this.#sessions.size;
  }

  #tick(now: number, sendKeepAlive: boolean): void {
    const expired: string[] = [];
    for (const session of this.#sessions.values()) {
      if (session.channel.hasOpenStream) {
        // A held stream is a live client: its socket closing frees the session, not the TTL.
        if (sendKeepAlive) session.channel.keepAlive();
      } else if (now - session.lastActivityAt > this.#ttlMs) {
        expired.push(session.id);
      }
    }
    for (const id of expired) void this.close(id);
    if (expired.length > 0) logger.info({ expired: expired.length }, "idle MCP sessions expired");
  }

  #onHubEvent(event: HubEvent): void {
    switch (event.type) {
      case "key_revoked":
        void this.closeWhere((session) => session.keyId === event.keyId).then((closed) => {
          if (closed > 0) logger.info({ keyId: event.keyId, closed }, "closed sessions of a revoked key");
        });
        return;
      case "user_disabled":
        void this.closeWhere((session) => session.userId === event.userId).then((closed) => {
          if (closed > 0) logger.info({ userId: event.userId, closed }, "closed sessions of a disabled user");
        });
        return;
      default: {
        // An idle session's principal is its last request's: one from before a rename would go on naming renamed tools.
        if (event.type === "permissions_changed") void refreshPrincipals([...this.#sessions.values()]);
        const changes = listChangesOf(event);
        if (changes.lists.length > 0) void this.#tellListChanges(changes);
      }
    }
  }

  async #tellListChanges(changes: ListChanges): Promise<void> {
    const told = await filterToldRecipients([...this.#sessions.values()], changes.server, this.#maySeeServer);
    for (const session of told) {
      for (const list of changes.lists) {
        SEND_LIST_CHANGED[list](session.server).catch(() => {
          // A session without an attached stream cannot be told; it re-lists on its next connect.
        });
      }
    }
    if (changes.server !== undefined) logger.debug({ server: changes.server, lists: changes.lists, told: told.length }, "upstream list change sent to sessions");
  }
}

const globalForSessions = globalThis as unknown as { switchboardSessionRegistry?: SessionRegistry };

/** The process-wide session registry. */
export function getSessionRegistry(): SessionRegistry {
  return (globalForSessions.switchboardSessionRegistry ??= new SessionRegistry());
}

function sessionLimitError(limit: number, message: string): HubError {
  const retryAfter = "60";
  return new HubError("rate_limited", message, { headers: { "Retry-After": retryAfter, "RateLimit-Limit": String(limit), "RateLimit-Remaining": "0", "RateLimit-Reset": retryAfter } });
}
