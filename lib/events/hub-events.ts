import { EventEmitter } from "node:events";

/** Changes that live MCP sessions must react to, on every instance. */
export type HubEvent =
  | { type: "catalog_changed" }
  | { type: "key_revoked"; keyId: string }
  | { type: "user_disabled"; userId: string }
  | { type: "permissions_changed" }
  /**
   * An upstream server was added, edited, renamed or removed: pools reconnect it (or let it go).
   * `renamed` (a rename): resource watches move from the old name to the new one.
   */
  | { type: "upstreams_changed"; serverId: string; renamed?: { from: string; to: string } }
  /** An upstream server announced that its resources or prompts changed (by name: sessions know servers by name). */
  | { type: "upstream_list_changed"; server: string; list: "resources" | "prompts" };

type Listener = (event: HubEvent) => void;

interface HubEventBus {
  emitter: EventEmitter;
  /** Cross-instance fan-out (Redis); set by lib/events/start-event-fan-out.ts when configured. */
  remotePublish?: (event: HubEvent) => void;
}

// One bus per process, shared by the Node server and Next's bundles.
const globalForEvents = globalThis as unknown as { switchboardHubEvents?: HubEventBus };
const bus: HubEventBus =
  globalForEvents.switchboardHubEvents ?? (globalForEvents.switchboardHubEvents = { emitter: new EventEmitter().setMaxListeners(0) });

/** Publishes to this instance's listeners and, when fan-out is on, to every other instance. */
export function publishHubEvent(event: HubEvent): void {
  deliverHubEvent(event);
  bus.remotePublish?.(event);
}

/** Delivers an event to this instance's listeners only (used by the fan-out receiver). */
export function deliverHubEvent(event: HubEvent): void {
  bus.emitter.emit("event", event);
}

/** Subscribes to hub events; returns the unsubscribe function. */
export function subscribeHubEvents(listener: Listener): () => void {
  bus.emitter.on("event", listener);
  return () => bus.emitter.off("event", listener);
}

/** Installs the cross-instance publisher (or removes it with undefined). */
export function setRemoteHubEventPublisher(publish: HubEventBus["remotePublish"]): void {
  bus.remotePublish = publish;
}
