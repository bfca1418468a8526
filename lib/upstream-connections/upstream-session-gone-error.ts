/**
 * An upstream refused a request because it no longer knows the connection's session (it
 * restarted, or expired the session): HTTP 404 as the spec says, or the 400 "No valid session ID"
 * of the SDK's example servers (server-everything among them). The request was not taken, so the
 * pool may send it once more on a new session.
 */
export class UpstreamSessionGoneError extends Error {}
