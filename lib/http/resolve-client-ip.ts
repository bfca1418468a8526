/**
 * The address a request came from, for per-IP limits. Behind a trusted reverse proxy
 * (SWITCHBOARD_TRUST_PROXY=true) that is the last X-Forwarded-For entry, the one the nearest proxy
 * appended; earlier entries are whatever the client claimed. Otherwise the header is the client's
 * own words and only the socket address counts.
 */
export function resolveClientIp(request: { remoteAddress: string | undefined; forwardedFor: string | string[] | undefined; trustProxy: boolean }): string {
  if (request.trustProxy) {
    const header = Array.isArray(request.forwardedFor) ? request.forwardedFor.join(",") : request.forwardedFor;
    const nearest = header?.split(",").at(-1)?.trim();
    if (nearest) return nearest;
  }
  return request.remoteAddress ?? "unknown";
}
