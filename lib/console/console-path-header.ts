/**
 * Request header that proxy.ts sets to the path (and query) of each console page request, so a
 * signed-out visitor can be sent back there after signing in. Always overwritten by the proxy:
 * a value sent by the client never survives.
 */
export const CONSOLE_PATH_HEADER = "x-switchboard-path";
