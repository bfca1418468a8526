/**
 * The address a console request came from, for per-IP sign-in throttling: the last
 * X-Forwarded-For entry (the one the nearest proxy, or Next itself, wrote; earlier entries are
 * whatever the client claimed), else X-Real-IP, else "unknown".
 */
export function getClientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const header = (name: string) => {
    const value = headers?.[name];
    return Array.isArray(value) ? value.at(-1) : value;
  };
  const forwarded = header("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || header("x-real-ip")?.trim() || "unknown";
}
