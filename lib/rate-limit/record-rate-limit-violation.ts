import type { Principal } from "@/lib/api-keys/principal";
import { getPrisma } from "@/lib/db/prisma";
import { logger } from "@/lib/log/logger";
import { getMetrics } from "@/lib/metrics/get-metrics";
import type { RateLimitDecision } from "@/lib/rate-limit/check-rate-limit";

interface ViolationRow {
  at: Date;
  kind: string;
  apiKeyId: string | null;
  userId: string | null;
  ip: string | null;
  limit: number;
  windowSeconds: number;
}

interface ViolationBuffer {
  rows: ViolationRow[];
  timer: NodeJS.Timeout | null;
  failures: number;
}

const FLUSH_DELAY_MS = 1_000;
const MAX_RETRY_DELAY_MS = 10_000;
/** A flood of refusals must not grow memory without bound; beyond this, rows are sampled out. */
const MAX_BUFFERED = 10_000;

const globalForViolations = globalThis as unknown as { switchboardRateLimitViolations?: ViolationBuffer };

function getBuffer(): ViolationBuffer {
  return (globalForViolations.switchboardRateLimitViolations ??= { rows: [], timer: null, failures: 0 });
}

function scheduleFlush(buffer: ViolationBuffer, delayMs: number): void {
  if (buffer.timer) return;
  buffer.timer = setTimeout(() => void flushRateLimitViolations(), delayMs);
  buffer.timer.unref();
}

/**
 * Writes buffered RateLimitEvent rows now (also used by tests and shutdown). While the database
 * is down the rows stay buffered (up to 10 000) and are retried with backoff, like call-log rows.
 */
export async function flushRateLimitViolations(): Promise<void> {
  const buffer = getBuffer();
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  const rows = buffer.rows.splice(0);
  if (rows.length === 0) return;
  try {
    await getPrisma().rateLimitEvent.createMany({ data: rows });
    buffer.failures = 0;
  } catch (err) {
    buffer.failures += 1;
    // Back in front of newer rows, within the same bound as new ones (beyond it rows are sampled out).
    buffer.rows.unshift(...rows.slice(0, Math.max(0, MAX_BUFFERED - buffer.rows.length)));
    const retryInMs = Math.min(FLUSH_DELAY_MS * 2 ** buffer.failures, MAX_RETRY_DELAY_MS);
    if (buffer.failures === 1) {
      logger.warn({ event: "rate_limit_event_write_failed", rows: buffer.rows.length, retryInMs, err: err instanceof Error ? err.message.split("\n").filter(Boolean).at(-1) : String(err) }, "Could not store rate-limit events; keeping them buffered and retrying");
    }
    scheduleFlush(buffer, retryInMs);
  }
}

/**
 * Notes a refused request: counts it in metrics, logs it, and queues a RateLimitEvent row written
 * in a batch within a second, off the hot path. Never throws, never waits.
 */
export function recordRateLimitViolation(v: { kind: "key" | "requests" | "user" | "auth_failure" | "key_mint" | "oauth_registration"; principal?: Principal; ip?: string; decision: RateLimitDecision }): void {
  getMetrics().rateLimitViolations.inc({ kind: v.kind });
  logger.info(
    { event: "rate_limit_violation", kind: v.kind, keyPrefix: v.principal?.keyPrefix, userId: v.principal?.userId, ip: v.ip, limit: v.decision.limit, windowSeconds: v.decision.windowSeconds },
    "Rate limit exceeded",
  );
  const buffer = getBuffer();
  if (buffer.rows.length >= MAX_BUFFERED) return;
  buffer.rows.push({
    at: new Date(),
    kind: v.kind,
    apiKeyId: v.principal?.keyId ?? null,
    userId: v.principal?.userId ?? null,
    ip: v.ip ?? null,
    limit: v.decision.limit,
    windowSeconds: v.decision.windowSeconds,
  });
  scheduleFlush(buffer, FLUSH_DELAY_MS);
}
