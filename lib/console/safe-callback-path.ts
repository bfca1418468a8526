const SAME_SITE_BASE = "http://switchboard.invalid";

/**
 * Where to go after signing in: a same-site path from `?callbackUrl=`, else /keys. The candidate
 * is resolved the way the browser will resolve it (URL parsing drops tabs and newlines, so
 * "/\t/evil.example" means "//evil.example") and kept only if it stays on this site; anything
 * else falls back, so the login page cannot be used as an open redirect.
 */
export function safeCallbackPath(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || /[\u0000-\u001f\\]/.test(candidate)) return "/keys";
  const resolved = new URL(candidate, SAME_SITE_BASE);
  if (resolved.origin !== SAME_SITE_BASE) return "/keys";
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
