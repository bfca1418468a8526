/**
 * Lifetimes and limits of the hub's OAuth authorization server. Access tokens are short so a
 * stolen one is worth little; refresh tokens rotate on every use and slide the grant's expiry.
 */
export const OAUTH_POLICY = {
  /** Authorization codes: single-use, exchanged within seconds by a well-behaved client. */
  codeSeconds: 60,
  accessTokenSeconds: 900,
  refreshTokenSeconds: 30 * 24 * 3600,
  /**
   * How long a used code or rotated refresh token is kept after use: presenting it again within
   * this window revokes its grant (replay detection); after it the row is pruned, and a replay is
   * refused as unknown.
   */
  replayDetectionSeconds: 7 * 24 * 3600,
  /** Client ID Metadata Documents: fetch limits and how long a fetched document is trusted. */
  metadataDocument: {
    timeoutMs: 5_000,
    maxBytes: 65_536,
    minCacheSeconds: 300,
    maxCacheSeconds: 24 * 3600,
    /** Redirects followed, each re-checked against the address rules. */
    maxRedirects: 3,
  },
  /** Bounds on client-supplied registration and request fields. */
  maxRedirectUris: 10,
  /** grant_types and response_types: a few known values, so a longer list is a mistake or abuse. */
  maxListEntries: 5,
  maxUriLength: 2_000,
  maxClientNameLength: 100,
  maxStateLength: 1_000,
  /** Largest token or registration request body. */
  maxBodyBytes: 16_384,
} as const;

/** The grant types and the one PKCE method the server supports. */
export const OAUTH_GRANT_TYPES = ["authorization_code", "refresh_token"] as const;
export const PKCE_METHOD = "S256";

/** Host names of a native app's local listener (http allowed, port may vary: RFC 8252 §7.3). */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "[::1]", "localhost"]);
