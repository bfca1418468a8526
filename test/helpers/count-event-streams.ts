import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";

/**
 * A fetch for an MCP client transport (`fetch` option, SDK v1 or v2) that counts the event streams
 * the hub opened for notifications: a session's standalone GET stream (2025 revisions) and
 * subscriptions/listen streams (2026-07-28). Clients open them just after connecting, in the
 * background: a test waits for `opened()` before it makes the change they must hear, instead of
 * sleeping (300 ms was not always enough on a busy machine).
 */
export function countEventStreams(): { fetch: FetchLike; opened(): number } {
  let opened = 0;
  return {
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      const notifying = init?.method === "GET" || (typeof init?.body === "string" && init.body.includes('"subscriptions/listen"'));
      if (notifying && response.ok && response.headers.get("content-type")?.startsWith("text/event-stream")) opened += 1;
      return response;
    },
    opened: () => opened,
  };
}
