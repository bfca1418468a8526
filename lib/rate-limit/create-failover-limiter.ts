import { HubError } from "@/lib/errors/hub-error";
import { logger } from "@/lib/log/logger";
import { getMetrics } from "@/lib/metrics/get-metrics";
import type { SlidingWindowLimiter } from "@/lib/rate-limit/sliding-window-limiter";

/** What happens when the shared backend cannot answer (SWITCHBOARD_RATE_LIMIT_FAILURE_MODE). */
export type RateLimitFailureMode = "open" | "closed";

/** Seconds a client is told to wait when calls are refused because the limiter is down. */
const CLOSED_RETRY_AFTER_SECONDS = 5;

/**
 * Wraps the shared (Redis/Upstash) limiter: when it fails, the failure is logged (at most once a
 * minute) and counted, then either the in-process `fallback` answers (open: limits stay per
 * instance until Redis is back) or the call is refused with HubError rate_limited (closed).
 */
export function createFailoverLimiter(options: {
  primary: SlidingWindowLimiter;
  fallback: SlidingWindowLimiter;
  failureMode: RateLimitFailureMode;
}): SlidingWindowLimiter {
  const { primary, fallback, failureMode } = options;
  let lastWarning = 0;
  let failing = false;

  function onFailure(err: unknown): void {
    failing = true;
    getMetrics().rateLimitBackendFailures.inc({ backend: primary.backend, failure_mode: failureMode });
    if (Date.now() - lastWarning > 60_000) {
      lastWarning = Date.now();
      logger.warn(
        { event: "rate_limit_backend_failure", backend: primary.backend, failureMode, err: err instanceof Error ? err.message : String(err) },
        failureMode === "open"
          ? "Rate-limit backend unreachable: limiting in process until it recovers (failure mode open)"
          : "Rate-limit backend unreachable: refusing rate-limited requests (failure mode closed)",
      );
    }
    if (failureMode === "closed") {
      throw new HubError("rate_limited", "Rate limiting is temporarily unavailable; retry shortly", {
        cause: err,
        headers: { "Retry-After": String(CLOSED_RETRY_AFTER_SECONDS) },
      });
    }
  }

  async function attempt<T>(run: (limiter: SlidingWindowLimiter) => Promise<T>): Promise<T> {
    try {
      const answer = await run(primary);
      if (failing) {
        failing = false;
        lastWarning = 0;
        logger.info({ event: "rate_limit_backend_recovered", backend: primary.backend }, "Rate-limit backend reachable again: limits are shared again");
      }
      return answer;
    } catch (err) {
      onFailure(err);
      return run(fallback);
    }
  }

  return {
    backend: primary.backend,
    limit: (identifier, policy) => attempt((limiter) => limiter.limit(identifier, policy)),
    peek: (identifier, policy) => attempt((limiter) => limiter.peek(identifier, policy)),
  };
}
