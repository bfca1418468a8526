import { HubError } from "@/lib/errors/hub-error";
import { logger } from "@/lib/log/logger";
import { getMetrics } from "@/lib/metrics/get-metrics";
import type { SlidingWindowLimiter } from "@/lib/rate-limit/sliding-window-limiter";

/** What happens when the shared backend cannot answer (SWITCHBOARD_RATE_LIMIT_FAILURE_MODE). */
export type RateLimitFailureMode = "open" | "closed";

/** How long the breaker skips the backend after a failure before one call probes it again. */
const DEFAULT_OPEN_MS = 3_000;

/**
 * Wraps the shared (Redis/Upstash) limiter with a circuit breaker. A failure (error or timeout)
 * opens the breaker: for `openMs` every decision skips the backend, so a hanging Redis costs one
 * call its timeout instead of every call; then a single call probes it (half-open) while the others
 * keep skipping, and a success closes the breaker. While it is open, the in-process `fallback`
 * answers (open: limits stay per instance until Redis is back) or the call is refused with
 * HubError unavailable (503 + Retry-After; closed). Outage start and end are logged once each.
 */
export function createFailoverLimiter(options: {
  primary: SlidingWindowLimiter;
  fallback: SlidingWindowLimiter;
  failureMode: RateLimitFailureMode;
  openMs?: number;
}): SlidingWindowLimiter {
  const { primary, fallback, failureMode } = options;
  const openMs = options.openMs ?? DEFAULT_OPEN_MS;
  let state: "closed" | "open" | "probing" = "closed";
  let openUntil = 0;
  let skipped = 0;

  function refuseOrFallBack<T>(run: (limiter: SlidingWindowLimiter) => Promise<T>, cause?: unknown): Promise<T> {
    if (failureMode === "open") return run(fallback);
    const retryAfter = Math.max(1, Math.ceil((openUntil - Date.now()) / 1000));
    throw new HubError("unavailable", `Rate limiting is temporarily unavailable; retry in ${retryAfter} s`, {
      cause,
      headers: { "Retry-After": String(retryAfter) },
    });
  }

  function trip(err: unknown): void {
    getMetrics().rateLimitBackendFailures.inc({ backend: primary.backend, failure_mode: failureMode });
    if (state === "closed") {
      logger.warn(
        { event: "rate_limit_backend_failure", backend: primary.backend, failureMode, err: err instanceof Error ? err.message : String(err) },
        failureMode === "open"
          ? "Rate-limit backend unreachable: limiting in process until it recovers (failure mode open)"
          : "Rate-limit backend unreachable: refusing rate-limited requests (failure mode closed)",
      );
    }
    state = "open";
    openUntil = Date.now() + openMs;
  }

  async function attempt<T>(run: (limiter: SlidingWindowLimiter) => Promise<T>): Promise<T> {
    if (state === "probing" || (state === "open" && Date.now() < openUntil)) {
      skipped += 1;
      return refuseOrFallBack(run);
    }
    const wasOpen = state === "open";
    if (wasOpen) state = "probing";
    let answer: T;
    try {
      answer = await run(primary);
    } catch (err) {
      trip(err);
      return refuseOrFallBack(run, err);
    }
    if (wasOpen) {
      state = "closed";
      logger.info({ event: "rate_limit_backend_recovered", backend: primary.backend, skipped }, `Rate-limit backend reachable again: limits are shared again (${skipped} decisions were made without it)`);
      skipped = 0;
    }
    return answer;
  }

  return {
    backend: primary.backend,
    limit: (identifier, policy) => attempt((limiter) => limiter.limit(identifier, policy)),
    peek: (identifier, policy) => attempt((limiter) => limiter.peek(identifier, policy)),
  };
}
