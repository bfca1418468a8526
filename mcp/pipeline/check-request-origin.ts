/** Host names like "[::1]" keep their brackets; a port after the last ":" is dropped. */
function stripPort(host: string): string {
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    return end === -1 ? host : host.slice(0, end + 1);
  }
  const colon = host.indexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}

/**
 * DNS-rebinding guard: the Host header, and the Origin header when a browser sends one, must
 * name an allowed host. Ports are ignored (a reverse proxy may change them). Pure check.
 */
export function checkRequestOrigin(
  headers: { host?: string; origin?: string },
  allowedHosts: ReadonlySet<string>,
): { ok: true } | { ok: false; message: string } {
  const host = headers.host;
  if (!host) return { ok: false, message: "Missing Host header." };
  if (!allowedHosts.has(stripPort(host).toLowerCase())) return { ok: false, message: `Host ${host} is not allowed.` };
  const origin = headers.origin;
  if (origin === undefined) return { ok: true };
  let originHost: string;
  try {
    originHost = new URL(origin).hostname.toLowerCase();
  } catch {
    return { ok: false, message: `Origin ${origin} is not allowed.` };
  }
  return allowedHosts.has(originHost) ? { ok: true } : { ok: false, message: `Origin ${origin} is not allowed.` };
}
