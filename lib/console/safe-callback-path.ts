/**
 * Where to go after signing in: a same-site path from `?callbackUrl=`, else /keys. Absolute and
 * protocol-relative URLs are refused so the login page cannot be used as an open redirect.
 */
export function safeCallbackPath(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return "/keys";
  return candidate;
}
