/**
 * The address a console request came from, for per-IP sign-in throttling. The hub's edge server
 * (mcp/http/route-hub-request.ts) overwrites X-Forwarded-For with the address it resolved, trusted
 * proxy or not, so the last entry is the one to use.
 */
export function getClientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const header = (name: string) => {
    const value = headers?.[name];
    return Array.isArray(value) ? value.at(-1) : value;
  };
  const forwarded = header("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || header("x-real-ip")?.trim() || "unknown";
}
