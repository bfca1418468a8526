/** A sliding-window limit: at most `limit` calls in any `windowSeconds`. */
export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
}

/**
 * The built-in policies. Per-role overrides live in the RateLimitPolicy table, per-key overrides
 * in ApiKey.rateLimitPolicy ("600/1m"); `toolCalls` applies when neither is set.
 */
export const RATE_LIMIT_POLICIES = {
  /** tools/call per API key. */
  toolCalls: { limit: 60, windowSeconds: 60 },
  /**
   * Every MCP request per API key (not only tools/call): `perToolCall` times the key's tool-call
   * limit, at least `minimum`, in the same window. Generous: it stops floods of tools/list or
   * ping, not clients.
   */
  requests: { perToolCall: 10, minimum: 600 },
  /** Keys minted per user (console, API, keys minting keys); the CLI, an operator's tool, is exempt. */
  keyMints: { limit: 20, windowSeconds: 600 },
  /** Failed authentications per client IP: slows key guessing without locking out a typo. */
  authFailures: { limit: 20, windowSeconds: 300 },
  /** RFC 7591 client registrations per client IP: anonymous, so each one is a row anyone could add. */
  oauthRegistrations: { limit: 10, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimitPolicy | { perToolCall: number; minimum: number }>;

/** Bounds for any configured policy, so a typo cannot disable limiting or overflow a counter. */
export const RATE_LIMIT_POLICY_BOUNDS = {
  minLimit: 1,
  maxLimit: 1_000_000,
  minWindowSeconds: 1,
  maxWindowSeconds: 86_400,
} as const;
