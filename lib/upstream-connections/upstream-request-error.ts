/**
 * A failure of one upstream request that says nothing about the connection (an HTTP 4xx/5xx, an
 * answer over the cap, a malformed result): the pool keeps the connection for everyone else's calls.
 */
export class UpstreamRequestError extends Error {
  readonly keepsConnection = true;
}
