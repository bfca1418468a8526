/** What the CSRF check looks at, lower-cased header values or null when absent. */
export interface SameOriginHeaders {
  origin: string | null;
  secFetchSite: string | null;
  host: string | null;
}

/**
 * CSRF check for cookie-authenticated mutations: the browser's `Origin` must name this hub (the
 * request's own Host, or one of `trustedHosts`: the public URL's host and configured allowed
 * hosts, "host" or "host:port"). Without an Origin, `Sec-Fetch-Site: same-origin` is accepted.
 * Anything else (cross-site form posts, requests with neither header) is refused. Pure.
 */
export function checkSameOrigin(headers: SameOriginHeaders, trustedHosts: readonly string[]): { ok: true } | { ok: false; message: string } {
  if (headers.origin === null) {
    if (headers.secFetchSite === "same-origin") return { ok: true };
    return { ok: false, message: "Cross-site request refused: a cookie-authenticated change needs a same-origin Origin header (or use an API key)." };
  }
  let origin: URL;
  try {
    origin = new URL(headers.origin);
  } catch {
    return { ok: false, message: `Cross-site request refused: Origin ${headers.origin} is not this hub.` };
  }
  const originHost = origin.host.toLowerCase();
  const originHostname = origin.hostname.toLowerCase();
  const accepted = [headers.host, ...trustedHosts].some((entry) => {
    const candidate = entry?.trim().toLowerCase();
    return Boolean(candidate) && (candidate === originHost || (!candidate!.includes(":") && candidate === originHostname));
  });
  return accepted ? { ok: true } : { ok: false, message: `Cross-site request refused: Origin ${headers.origin} is not this hub.` };
}
