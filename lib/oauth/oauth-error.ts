/**
 * The OAuth error codes the authorization server answers with, each with its HTTP status
 * (RFC 6749 §5.2, RFC 7591 §3.2.2, RFC 8707 §2). OAuth endpoints must answer in OAuth's own
 * shape `{ error, error_description }` (clients parse it), so they use this class instead of
 * HubError's envelope; everything else in the hub keeps HubError.
 */
export const OAUTH_ERROR_STATUS = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  unsupported_response_type: 400,
  invalid_scope: 400,
  invalid_target: 400,
  invalid_redirect_uri: 400,
  invalid_client_metadata: 400,
  access_denied: 403,
  temporarily_unavailable: 503,
  server_error: 500,
} as const;

export type OAuthErrorCode = keyof typeof OAUTH_ERROR_STATUS;

/** An OAuth protocol error; `description` is safe to show the client. */
export class OAuthError extends Error {
  override name = "OAuthError";
  readonly code: OAuthErrorCode;

  /** Extra response headers (Retry-After on a 429). */
  readonly headers: Readonly<Record<string, string>>;
  readonly #status: number | undefined;

  /** `status` overrides the code's usual status: OAuth has no code of its own for "too many requests" (429). */
  constructor(code: OAuthErrorCode, description: string, options: { cause?: unknown; status?: number; headers?: Record<string, string> } = {}) {
    super(description, { cause: options.cause });
    this.code = code;
    this.#status = options.status;
    this.headers = Object.freeze({ ...options.headers });
  }

  get status(): number {
    return this.#status ?? OAUTH_ERROR_STATUS[this.code];
  }

  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.code, error_description: this.message };
  }
}
