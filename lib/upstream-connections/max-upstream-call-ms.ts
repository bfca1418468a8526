/** How many times its server's timeout progress may keep one upstream call alive. */
const PROGRESS_EXTENDS_TIMEOUT_UP_TO = 10;

/**
 * The longest one call to a server with this timeout may run once sent: the timeout restarts with
 * each progress notification, up to this total (10 × the timeout).
 */
export function maxUpstreamCallMs(timeoutMs: number): number {
  return timeoutMs * PROGRESS_EXTENDS_TIMEOUT_UP_TO;
}
