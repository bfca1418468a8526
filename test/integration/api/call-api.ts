/** How a test request authenticates and what it sends. */
export interface ApiRequest {
  /** An API key, sent as Authorization: Bearer. */
  key?: string;
  /** A whole Authorization header value (for malformed-header cases). */
  authorization?: string;
  /** A console session cookie ("next-auth.session-token=…"). */
  cookie?: string;
  /** Origin header, as a browser would send it. */
  origin?: string;
  /** Sec-Fetch-Site header, as a browser would send it. */
  secFetchSite?: string;
  /** If-Match header (an edit's expected settings version). */
  ifMatch?: string;
  /** JSON body (sent as application/json). */
  json?: unknown;
  /** Raw body with its content type, for malformed-body cases. */
  raw?: { body: string; contentType: string };
}

export interface ApiReply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the answer is not JSON. */
  body: any;
}

/** One request to the hub's JSON API. */
export async function callApi(baseUrl: string, method: string, path: string, request: ApiRequest = {}): Promise<ApiReply> {
  const headers: Record<string, string> = {};
  if (request.key !== undefined) headers.authorization = `Bearer ${request.key}`;
  if (request.authorization !== undefined) headers.authorization = request.authorization;
  if (request.cookie !== undefined) headers.cookie = request.cookie;
  if (request.origin !== undefined) headers.origin = request.origin;
  if (request.secFetchSite !== undefined) headers["sec-fetch-site"] = request.secFetchSite;
  if (request.ifMatch !== undefined) headers["if-match"] = request.ifMatch;
  let body: string | undefined;
  if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.json);
  } else if (request.raw) {
    headers["content-type"] = request.raw.contentType;
    body = request.raw.body;
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: "manual" });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the assertion on the body will show the text.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/**
 * Signs in to the console through next-auth's credentials flow (CSRF token, then the callback)
 * and returns the session cookie, as a browser would hold it.
 */
export async function signInToConsole(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = signIn.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`console sign-in failed for ${email}: HTTP ${signIn.status} ${await signIn.text()}`);
  return session.split(";")[0];
}
