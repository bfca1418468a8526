import { getEnv } from "@/lib/env";

/** Host and port of a URL, never its credentials. */
function safeOrigin(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * One line for the start-up log saying where rate limits are kept, whether they are shared by
 * instances, and what happens when the shared backend is down. Never includes credentials.
 */
export function describeRateLimitBackend(): string {
  const env = getEnv();
  const failure = `if unreachable: ${env.SWITCHBOARD_RATE_LIMIT_FAILURE_MODE === "open" ? "fail open to in-process limits" : "fail closed (refuse calls)"}`;
  if (env.REDIS_URL) return `Rate limits: Redis at ${safeOrigin(env.REDIS_URL)}, shared by all instances (${failure})`;
  if (env.UPSTASH_REDIS_REST_URL) return `Rate limits: Upstash Redis at ${safeOrigin(env.UPSTASH_REDIS_REST_URL)}, shared by all instances (${failure})`;
  return "Rate limits: in process, for this instance only (set REDIS_URL or UPSTASH_REDIS_REST_URL+TOKEN to share limits across instances)";
}
