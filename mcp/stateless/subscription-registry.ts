import type { ServerResponse } from "node:http";
import { ProtocolErrorCode, SUBSCRIPTION_ID_META_KEY, type RequestId } from "@modelcontextprotocol/server";
import type { Principal } from "@/lib/api-keys/principal";
import { refreshPrincipals } from "@/lib/api-keys/refresh-principals";
import { HubError } from "@/lib/errors/hub-error";
import { filterToldRecipients } from "@/lib/events/filter-told-recipients";
import { subscribeHubEvents, type HubEvent } from "@/lib/events/hub-events";
import { listChangesOf, type ListChanges, type ListKind, type ServerVisibility } from "@/lib/events/list-changes-of";
import { logger } from "@/lib/log/logger";
import { MAX_RESOURCE_SUBSCRIPTIONS, MAX_RESOURCE_URI_CHARS, type ResourceSubscriber } from "@/lib/upstreams/upstream-resource-subscriptions";
import { JsonRpcRefusal } from "@/mcp/pipeline/json-rpc-refusal";
import { upstreamExtras } from "@/mcp/pipeline/serve-upstream-extras";
import { EVENT_STREAM_HEADERS } from "@/mcp/transports/sse-server-transport";

const LIST_FILTER_KEY = { tools: "toolsListChanged", prompts: "promptsListChanged", resources: "resourcesListChanged" } as const satisfies Record<ListKind, string>;
const LIST_CHANGED_METHOD = {
  tools: "notifications/tools/list_changed",
  prompts: "notifications/prompts/list_changed",
  resources: "notifications/resources/list_changed",
} as const satisfies Record<ListKind, string>;

/** Lists the hub announces; the acknowledgement names only these. */
const LISTS_SERVED: ReadonlySet<ListKind> = new Set(["tools", "resources", "prompts"]);

const KEEP_ALIVE_MS = 15_000;

interface Subscription {
  id: RequestId;
  keyId: string;
  userId: string;
  /** Who it is told about: the principal that opened the stream, re-read at every permissions change (a rename rewrites a key's tool list). */
  principal: Principal;
  lists: ReadonlySet<ListKind>;
  response: ServerResponse;
  /** Its resourceSubscriptions, watched upstream (upstream-resource-subscriptions.ts). */
  watcher: ResourceSubscriber;
  /** Set once the acknowledgement is written: nothing may precede it on the stream. */
  acknowledged: boolean;
  /** Set once it closed (its count and resource subscriptions given back). */
  ended: boolean;
}

/**
 * The 2026-07-28 subscriptions/listen streams this instance holds. Each is one POST whose
 * response stays an event stream: first `notifications/subscriptions/acknowledged` with the
 * honoured filter, then the list changes it asked for and notifications/resources/updated for
 * the resourceSubscriptions it was granted (upstream resources the principal may see, on servers
 * that announce updates; at most MAX_RESOURCE_SUBSCRIPTIONS URIs of at most
 * MAX_RESOURCE_URI_CHARS, else 400 invalid params), every message tagged with
 * io.modelcontextprotocol/subscriptionId (the listen request's id). The client closing the
 * stream ends it; a revoked key or disabled user loses its streams at once; stop() ends every
 * stream gracefully (the listen request's result, then end). Per key at most maxPerKey streams
 * (the session limit), since each holds a socket. Which hub events change which lists is
 * listChangesOf's; hub events already reach every instance (Redis, else Postgres LISTEN/NOTIFY),
 * so each instance tells its own listeners, and an upstream server's own resources/prompts change
 * only the streams whose principal may see that server (re-read from the key at every
 * permissions change, since the stream authenticated only once).
 */
export class SubscriptionRegistry {
  readonly #open = new Set<Subscription>();
  readonly #perKey = new Map<string, number>();
  #maxPerKey = Number.POSITIVE_INFINITY;
  #unsubscribe: (() => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #maySeeServer: ServerVisibility | undefined;

  /**
   * Subscribes to hub events and starts keep-alives (idempotent). Without `maySeeServer` no
   * stream is told of an upstream server's own list changes.
   */
  start(options: { maxPerKey?: number; maySeeServer?: ServerVisibility } = {}): void {
    this.#maxPerKey = options.maxPerKey ?? Number.POSITIVE_INFINITY;
    this.#maySeeServer = options.maySeeServer;
    this.#stopped = false;
    this.#unsubscribe ??= subscribeHubEvents((event) => this.#onHubEvent(event));
    this.#timer ??= setInterval(() => {
      for (const subscription of this.#open) subscription.response.write(": keep-alive\n\n");
    }, KEEP_ALIVE_MS).unref();
  }

  /**
   * Opens a listen stream on `response` for `filter` (the request's `notifications` object);
   * throws HubError rate_limited when the key already holds maxPerKey streams, JsonRpcRefusal
   * (400, invalid params) for resourceSubscriptions past the bounds. Resolves once acknowledged.
   */
  async open(response: ServerResponse, request: { id: RequestId; principal: Principal; filter: unknown; headers: Record<string, string> }): Promise<void> {
    const held = this.#perKey.get(request.principal.keyId) ?? 0;
    if (held >= this.#maxPerKey) {
      throw new HubError("rate_limited", `This API key already holds ${held} subscriptions/listen streams (the most allowed): close unused ones.`, { headers: { "Retry-After": "60" } });
    }
    const lists = honouredLists(request.filter);
    const resourceUris = requestedResourceUris(request.filter, request.id);
    response.writeHead(200, { ...EVENT_STREAM_HEADERS, ...request.headers });
    const subscription: Subscription = {
      id: request.id,
      keyId: request.principal.keyId,
      userId: request.principal.userId,
      principal: request.principal,
      lists,
      response,
      acknowledged: false,
      ended: false,
      watcher: {
        get principal() {
          return subscription.principal;
        },
        notifyUpdated: (uri) => {
          if (subscription.acknowledged && !subscription.ended) write(subscription, { jsonrpc: "2.0", method: "notifications/resources/updated", params: { _meta: { [SUBSCRIPTION_ID_META_KEY]: request.id }, uri } });
        },
      },
    };
    // Counted now: a key must not open more streams than allowed while the first ones subscribe.
    this.#perKey.set(subscription.keyId, held + 1);
    response.once("close", () => this.#forget(subscription));
    const watched = await this.#watchResources(subscription, resourceUris);
    // Closed while its resources were being subscribed: #forget ran before some of them landed.
    if (subscription.ended) return upstreamExtras.dropSubscriber(subscription.watcher);
    const acknowledged: Record<string, unknown> = Object.fromEntries([...lists].map((kind) => [LIST_FILTER_KEY[kind], true]));
    if (resourceUris.length > 0 && (watched.length > 0 || upstreamExtras.offersResourceSubscriptions())) acknowledged.resourceSubscriptions = watched;
    write(subscription, { jsonrpc: "2.0", method: "notifications/subscriptions/acknowledged", params: { _meta: { [SUBSCRIPTION_ID_META_KEY]: request.id }, notifications: acknowledged } });
    subscription.acknowledged = true;
    if (this.#stopped) return endGracefully(subscription);
    this.#open.add(subscription);
  }

  /** The requested URIs the stream now watches, in request order; those it may not (unknown, not visible, no updates upstream) are left out of the acknowledgement. */
  async #watchResources(subscription: Subscription, uris: readonly string[]): Promise<string[]> {
    const outcomes = await Promise.allSettled(uris.map((uri) => upstreamExtras.subscribeResource(subscription.principal, subscription.watcher, uri)));
    return uris.filter((uri, index) => {
      const outcome = outcomes[index];
      if (outcome.status === "rejected") logger.debug({ uri: uri.slice(0, 200), err: outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason) }, "listen stream's resource subscription not honoured");
      return outcome.status === "fulfilled";
    });
  }

  /** Open streams (for metrics and tests). */
  get size(): number {
    return this.#open.size;
  }

  /** Ends every stream with the listen request's result (graceful closure) and stops listening for events. */
  stop(): void {
    this.#stopped = true;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearInterval(this.#timer);
    this.#timer = undefined;
    for (const subscription of [...this.#open]) endGracefully(subscription);
  }

  #forget(subscription: Subscription): void {
    if (subscription.ended) return;
    subscription.ended = true;
    this.#open.delete(subscription);
    upstreamExtras.dropSubscriber(subscription.watcher);
    const held = (this.#perKey.get(subscription.keyId) ?? 1) - 1;
    if (held > 0) this.#perKey.set(subscription.keyId, held);
    else this.#perKey.delete(subscription.keyId);
  }

  #onHubEvent(event: HubEvent): void {
    if (event.type === "key_revoked" || event.type === "user_disabled") {
      // No graceful result: the client's re-listen meets the 401 that explains why.
      for (const subscription of [...this.#open]) {
        if (event.type === "key_revoked" ? subscription.keyId === event.keyId : subscription.userId === event.userId) subscription.response.end();
      }
      return;
    }
    // A stream authenticates once: a principal kept from then would go on naming tools a rename renamed.
    if (event.type === "permissions_changed") void refreshPrincipals([...this.#open]);
    const changes = listChangesOf(event);
    if (changes.lists.length > 0) void this.#tellListChanges(event.type, changes);
  }

  async #tellListChanges(eventType: HubEvent["type"], changes: ListChanges): Promise<void> {
    const interested = [...this.#open].filter((subscription) => changes.lists.some((kind) => subscription.lists.has(kind)));
    let told = 0;
    for (const subscription of await filterToldRecipients(interested, changes.server, this.#maySeeServer)) {
      // Closed while visibility was being checked.
      if (!this.#open.has(subscription)) continue;
      for (const kind of changes.lists) {
        if (!subscription.lists.has(kind)) continue;
        write(subscription, { jsonrpc: "2.0", method: LIST_CHANGED_METHOD[kind], params: { _meta: { [SUBSCRIPTION_ID_META_KEY]: subscription.id } } });
        told += 1;
      }
    }
    if (told > 0) logger.debug({ event: eventType, told }, "list changes sent to subscriptions/listen streams");
  }
}

/** The requested lists the hub serves; a malformed filter honours nothing (the ack says so). */
function honouredLists(filter: unknown): ReadonlySet<ListKind> {
  const lists = new Set<ListKind>();
  if (typeof filter !== "object" || filter === null) return lists;
  for (const kind of LISTS_SERVED) if ((filter as Record<string, unknown>)[LIST_FILTER_KEY[kind]] === true) lists.add(kind);
  return lists;
}

/**
 * The resourceSubscriptions of a listen filter, deduplicated: none when absent; a list of at most
 * MAX_RESOURCE_SUBSCRIPTIONS strings of at most MAX_RESOURCE_URI_CHARS, else a 400 refusal.
 */
function requestedResourceUris(filter: unknown, id: RequestId): string[] {
  const requested = typeof filter === "object" && filter !== null ? (filter as Record<string, unknown>).resourceSubscriptions : undefined;
  if (requested === undefined) return [];
  const refuse = (why: string) => new JsonRpcRefusal(400, ProtocolErrorCode.InvalidParams, `Invalid params: notifications.resourceSubscriptions ${why}.`, { id });
  if (!Array.isArray(requested) || requested.some((uri) => typeof uri !== "string")) throw refuse("must be a list of resource URIs");
  const uris = [...new Set(requested as string[])];
  if (uris.length > MAX_RESOURCE_SUBSCRIPTIONS) throw refuse(`may name at most ${MAX_RESOURCE_SUBSCRIPTIONS} resources`);
  if (uris.some((uri) => uri.length > MAX_RESOURCE_URI_CHARS)) throw refuse(`URIs may be at most ${MAX_RESOURCE_URI_CHARS} characters`);
  return uris;
}

function write(subscription: Subscription, message: unknown): void {
  subscription.response.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
}

function endGracefully(subscription: Subscription): void {
  write(subscription, { jsonrpc: "2.0", id: subscription.id, result: { resultType: "complete", _meta: { [SUBSCRIPTION_ID_META_KEY]: subscription.id } } });
  subscription.response.end();
}
