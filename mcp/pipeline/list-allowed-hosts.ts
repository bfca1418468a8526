import type { Env } from "@/lib/env";

/** Loopback names are always allowed: local clients and health checks use them. */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"] as const;

/**
 * Host names (lower case, no port) accepted in Host and Origin headers: the public URL's host,
 * loopback, and SWITCHBOARD_ALLOWED_HOSTS. Anything else is refused as DNS rebinding.
 */
export function listAllowedHosts(env: Pick<Env, "publicUrl" | "SWITCHBOARD_ALLOWED_HOSTS">): ReadonlySet<string> {
  const extra = (env.SWITCHBOARD_ALLOWED_HOSTS ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const names = [new URL(env.publicUrl).hostname, ...LOOPBACK_HOSTS, ...extra.map((entry) => hostnameOf(entry))];
  return new Set(names.map((name) => name.toLowerCase()));
}

/** Hostname of "host", "host:port", "[v6]:port" or a full URL. */
function hostnameOf(entry: string): string {
  try {
    return new URL(entry.includes("://") ? entry : `http://${entry}`).hostname;
  } catch {
    return entry;
  }
}
