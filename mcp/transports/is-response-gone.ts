import type { ServerResponse } from "node:http";

/**
 * Whether a response's connection has already closed, so its "close" event will not fire again:
 * a transport started after an async step (authentication) must check before relying on it.
 */
export function isResponseGone(response: ServerResponse): boolean {
  return response.destroyed || !response.socket || response.socket.destroyed;
}
