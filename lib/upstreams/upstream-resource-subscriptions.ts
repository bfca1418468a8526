import type { Principal } from "@/lib/api-keys/principal";
import { HubError } from "@/lib/errors/hub-error";
import type { ServerVisibility } from "@/lib/events/list-changes-of";
import { sortRecipientsByVisibility } from "@/lib/events/sort-recipients-by-visibility";
import { logger } from "@/lib/log/logger";
import { recordUpstreamRequest, type ForwardedUpstreamMethod } from "@/lib/metrics/record-upstream-request";
import { getUpstreamPool } from "@/lib/upstream-connections/upstream-pool";
import { toHubResourceUri } from "@/lib/upstreams/upstream-resource-uri";

/** Most resources one session or listen stream may watch: each holds memory here and, while wanted, a subscription upstream. */
export const MAX_RESOURCE_SUBSCRIPTIONS = 100;
/** Longest hub resource URI a client may subscribe to (URIs the hub lists are far shorter; this bounds what is kept). */
export const MAX_RESOURCE_URI_CHARS = 2_048;
/** How long an upstream may take to answer resources/subscribe or resources/unsubscribe. */
const UPSTREAM_TIMEOUT_MS = 10_000;

/** A session or listen stream that watches resources. */
export interface ResourceSubscriber {
  /** Who is told: re-checked at every update (a principal who lost sight of the server hears nothing, and its watch ends). */
  readonly principal: Principal;
  /** Sends notifications/resources/updated with the URI as the client knows it (sb-upstream://…). */
  notifyUpdated(hubUri: string): void;
}

interface WatchedResource {
  /** The server's name now (a rename moves the watch: onUpstreamRenamed). */
  server: string;
  uri: string;
  hubUri: string;
  subscribers: Set<ResourceSubscriber>;
  /** Whether the current upstream connection holds a subscription for it. */
  subscribedUpstream: boolean;
  /** Upstream subscribe/unsubscribe requests, one after another, so the last word wins. */
  queue: Promise<void>;
}

const keyOf = (server: string, uri: string) => `${server}\n${uri}`;

/**
 * This instance's resource subscriptions to upstream servers, shared by its sessions and listen
 * streams: one upstream resources/subscribe per resource while any subscriber wants it, one
 * resources/unsubscribe once none does (unsubscribing and closing both count), renewed on every
 * new connection (a reconnected upstream holds none). Each notifications/resources/updated from
 * an upstream goes to the resource's subscribers whose principal may still see that server,
 * with the hub's URI; a subscriber found no longer permitted (grant or tool gone) loses that watch
 * there and then, and the upstream's subscription goes with the last watcher, so nothing is held
 * for someone who may not see it. A renamed server keeps its watches: they move to the new name
 * and are renewed on the new connection. Updates are not fanned out between instances: each
 * instance subscribes on its own connection and hears its own.
 */
export class UpstreamResourceSubscriptions {
  readonly #watched = new Map<string, WatchedResource>();
  readonly #bySubscriber = new Map<ResourceSubscriber, Set<string>>();
  /** Old server name → the name it has now, so an unsubscribe by a URI from before a rename still ends the watch. */
  readonly #renamedTo = new Map<string, string>();
  #maySeeServer: ServerVisibility | undefined;

  /** Sets who may hear a server's updates (without it, nobody is told). */
  configure(options: { maySeeServer: ServerVisibility }): void {
    this.#maySeeServer = options.maySeeServer;
  }

  /**
   * Adds a subscription (idempotent) and resolves once the upstream holds one. Throws HubError:
   * invalid_request past MAX_RESOURCE_SUBSCRIPTIONS or when the server offers no subscriptions,
   * internal_error when it cannot be reached or refuses; the subscription is then not kept.
   * Visibility is the caller's to check first.
   */
  async subscribe(subscriber: ResourceSubscriber, server: string, uri: string): Promise<void> {
    const key = keyOf(server, uri);
    const mine = this.#bySubscriber.get(subscriber) ?? new Set<string>();
    if (mine.has(key)) return;
    if (mine.size >= MAX_RESOURCE_SUBSCRIPTIONS) {
      throw new HubError("invalid_request", `This session already watches ${mine.size} resources (the most allowed): unsubscribe from one first.`);
    }
    mine.add(key);
    this.#bySubscriber.set(subscriber, mine);
    let watched = this.#watched.get(key);
    if (!watched) {
      watched = { server, uri, hubUri: toHubResourceUri(server, uri), subscribers: new Set(), subscribedUpstream: false, queue: Promise.resolve() };
      this.#watched.set(key, watched);
    }
    watched.subscribers.add(subscriber);
    try {
      await this.#reconcile(watched);
    } catch (error) {
      this.#remove(subscriber, key);
      throw error;
    }
  }

  /**
   * Removes one subscription (none there: nothing happens); the upstream's goes with the last one.
   * A URI naming a server by a name it had before a rename ends the watch that moved with it.
   */
  unsubscribe(subscriber: ResourceSubscriber, server: string, uri: string): void {
    const key = keyOf(server, uri);
    const renamed = this.#renamedTo.get(server);
    this.#remove(subscriber, this.#bySubscriber.get(subscriber)?.has(key) || renamed === undefined ? key : keyOf(renamed, uri));
  }

  /** Removes every subscription of a subscriber that ended (session closed, stream gone). */
  dropSubscriber(subscriber: ResourceSubscriber): void {
    for (const key of this.#bySubscriber.get(subscriber) ?? []) this.#remove(subscriber, key);
  }

  /** Resources this subscriber watches. */
  countOf(subscriber: ResourceSubscriber): number {
    return this.#bySubscriber.get(subscriber)?.size ?? 0;
  }

  /**
   * An upstream's notifications/resources/updated: tells the resource's subscribers who may still
   * see the server, and ends the watch of those who may not (a failed check ends nothing).
   */
  onUpstreamUpdated(server: string, uri: string): void {
    const key = keyOf(server, uri);
    const watched = this.#watched.get(key);
    if (!watched) return;
    void sortRecipientsByVisibility([...watched.subscribers], server, this.#maySeeServer).then(({ allowed, refused }) => {
      // Renamed while visibility was being checked: the verdicts were about the old name.
      if (watched.server !== server) return;
      // A subscriber that left while visibility was being checked is not told.
      for (const subscriber of allowed) if (watched.subscribers.has(subscriber)) subscriber.notifyUpdated(watched.hubUri);
      for (const subscriber of refused) this.#remove(subscriber, key);
      if (refused.length > 0) logger.info({ server, watchersLeft: watched.subscribers.size, ended: refused.length }, "resource watches ended: their principal may no longer see the server");
    });
  }

  /**
   * A server renamed `from` → `to` (before its old connection is let go): its watches move to the
   * new name, so they keep working. Updates then name the new hub URI (the one resources/list and
   * resources/read now know); the old connection's subscriptions go with it, and the new
   * connection renews them (onUpstreamConnected).
   */
  onUpstreamRenamed(from: string, to: string): void {
    for (const [oldKey, watched] of [...this.#watched]) {
      if (watched.server !== from) continue;
      const newKey = keyOf(to, watched.uri);
      // Watches left by a removed server once named `to` name the same hub URI: they hear this one now.
      for (const subscriber of this.#watched.get(newKey)?.subscribers ?? []) watched.subscribers.add(subscriber);
      this.#watched.delete(oldKey);
      watched.server = to;
      watched.hubUri = toHubResourceUri(to, watched.uri);
      watched.subscribedUpstream = false;
      this.#watched.set(newKey, watched);
      for (const subscriber of watched.subscribers) {
        const mine = this.#bySubscriber.get(subscriber);
        mine?.delete(oldKey);
        mine?.add(newKey);
      }
    }
    // `to` is a live name now, and older names that led to `from` lead to `to`: no chains, no cycles.
    this.#renamedTo.delete(to);
    for (const [old, current] of this.#renamedTo) if (current === from) this.#renamedTo.set(old, to);
    this.#renamedTo.set(from, to);
  }

  /** A new connection to `server`: it holds none of the old one's subscriptions, so each wanted one is renewed. */
  onUpstreamConnected(server: string): void {
    for (const watched of this.#watched.values()) {
      if (watched.server !== server) continue;
      watched.subscribedUpstream = false;
      this.#reconcile(watched).catch((error: unknown) => logger.warn({ server, err: error instanceof Error ? error.message : String(error) }, "could not renew a resource subscription on a new upstream connection"));
    }
  }

  #remove(subscriber: ResourceSubscriber, key: string): void {
    const mine = this.#bySubscriber.get(subscriber);
    if (!mine?.delete(key)) return;
    if (mine.size === 0) this.#bySubscriber.delete(subscriber);
    const watched = this.#watched.get(key);
    if (!watched) return;
    watched.subscribers.delete(subscriber);
    if (watched.subscribers.size === 0) {
      this.#reconcile(watched).catch((error: unknown) => logger.warn({ server: watched.server, err: error instanceof Error ? error.message : String(error) }, "could not unsubscribe from an upstream resource"));
    }
  }

  /**
   * Brings the upstream in line with what is wanted now (subscribed while anyone watches), after
   * the requests already queued for this resource. A resource nobody watches is forgotten once
   * its unsubscribe is answered (whatever the answer: a broken connection holds nothing).
   */
  #reconcile(watched: WatchedResource): Promise<void> {
    const run = watched.queue.then(async () => {
      const wanted = watched.subscribers.size > 0;
      if (wanted === watched.subscribedUpstream) {
        if (!wanted) this.#forgetIfUnwatched(watched);
        return;
      }
      if (wanted) {
        await forward(watched.server, "resources/subscribe", async (client, signal) => {
          if (!client.getServerCapabilities()?.resources?.subscribe) {
            throw new HubError("invalid_request", `Server ${watched.server} does not announce resource updates, so its resources cannot be subscribed to.`);
          }
          await client.subscribeResource({ uri: watched.uri }, { signal, timeout: UPSTREAM_TIMEOUT_MS });
        });
        watched.subscribedUpstream = true;
        return;
      }
      try {
        await forward(watched.server, "resources/unsubscribe", (client, signal) => client.unsubscribeResource({ uri: watched.uri }, { signal, timeout: UPSTREAM_TIMEOUT_MS }).then(() => {}));
      } finally {
        // Kept until now: a subscriber arriving meanwhile queues its subscribe behind this unsubscribe.
        watched.subscribedUpstream = false;
        this.#forgetIfUnwatched(watched);
      }
    });
    watched.queue = run.catch(() => {});
    return run;
  }

  #forgetIfUnwatched(watched: WatchedResource): void {
    const key = keyOf(watched.server, watched.uri);
    if (watched.subscribers.size === 0 && this.#watched.get(key) === watched) this.#watched.delete(key);
  }
}

type PooledClient = Parameters<Parameters<ReturnType<typeof getUpstreamPool>["request"]>[2]>[0];

/** One subscribe or unsubscribe on the server's pooled connection, timed for /metrics. */
async function forward(server: string, method: ForwardedUpstreamMethod, work: (client: PooledClient, signal: AbortSignal) => Promise<void>): Promise<void> {
  const startedAt = performance.now();
  const signal = AbortSignal.timeout(UPSTREAM_TIMEOUT_MS);
  try {
    await getUpstreamPool().request(server, signal, (client) => work(client, signal));
    recordUpstreamRequest(server, method, "ok", performance.now() - startedAt);
  } catch (error) {
    recordUpstreamRequest(server, method, "error", performance.now() - startedAt);
    if (error instanceof HubError) throw error;
    throw new HubError("internal_error", `Server ${server} refused the subscription: ${(error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 300)}`, { cause: error });
  }
}

const globalForSubscriptions = globalThis as unknown as { switchboardUpstreamResourceSubscriptions?: UpstreamResourceSubscriptions };

/** The process-wide resource subscriptions (on globalThis, like the pool they ride on). */
export function getUpstreamResourceSubscriptions(): UpstreamResourceSubscriptions {
  return (globalForSubscriptions.switchboardUpstreamResourceSubscriptions ??= new UpstreamResourceSubscriptions());
}
