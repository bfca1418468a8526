import { getPrisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { LATENCY_BUCKET_BOUNDS_MS } from "@/lib/call-log/latency-buckets";
import { sumBucketsSql } from "@/lib/call-log/sum-buckets-sql";
import { takeLateCallLogMinutes } from "@/lib/call-log/late-call-log-minutes";
import { logger } from "@/lib/log/logger";
import { getMetrics } from "@/lib/metrics/get-metrics";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Every run recomputes this many minutes before the current one, catching rows that land late. */
export const ROLL_UP_RECENT_MINUTES = 2;
/** Catch-up works in slices so one transaction never aggregates months of rows at once. */
const SLICE_MS = 6 * 60 * MINUTE_MS;
/** CallRollup's key columns are NOT NULL; rows without a user or key are grouped under this id. */
const NIL_UUID = "00000000-0000-0000-0000-000000000000";
/** Serialises roll-ups and compaction across instances so two never interleave. */
export const ROLL_UP_LOCK_KEY = 7_420_151;

const globalForRollUp = globalThis as unknown as { switchboardRollUp?: { rolledTo: number | null } };

function state(): { rolledTo: number | null } {
  return (globalForRollUp.switchboardRollUp ??= { rolledTo: null });
}

function floorMinute(ms: number): number {
  return ms - (((ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
}

// One FILTER count per latency bucket, from the shared bounds table (constants, not input).
const BUCKET_COUNTS_SQL = [
  ...LATENCY_BUCKET_BOUNDS_MS.map((bound, index) =>
    index === 0
      ? `count(*) FILTER (WHERE "durationMs" <= ${bound})::int`
      : `count(*) FILTER (WHERE "durationMs" > ${LATENCY_BUCKET_BOUNDS_MS[index - 1]} AND "durationMs" <= ${bound})::int`,
  ),
  `count(*) FILTER (WHERE "durationMs" > ${LATENCY_BUCKET_BOUNDS_MS[LATENCY_BUCKET_BOUNDS_MS.length - 1]})::int`,
].join(", ");

/** Older than this, rollups are compacted to one row per hour (see compactCallRollups). */
export const MINUTE_ROLLUP_KEEP_MS = 25 * 60 * MINUTE_MS;

/** Rollup rows before this instant may have been compacted into hourly rows. */
export function compactionCutoff(now: number): number {
  const edge = now - MINUTE_ROLLUP_KEEP_MS;
  return edge - (edge % HOUR_MS);
}

// Tool calls only: the rollups feed the per-tool dashboards, and a prompt SERVER__NAME would count
// as a tool of that name (resource reads and prompts are in the raw call log, with their kind).
const recomputeSql = (unit: "minute" | "hour") => `
INSERT INTO "CallRollup" ("minute", "toolName", "userId", "apiKeyId", "clientName", "status", "calls", "totalMs", "maxMs", "buckets")
SELECT date_trunc('${unit}', "at", 'UTC'), "toolName", COALESCE("userId", '${NIL_UUID}'::uuid), COALESCE("apiKeyId", '${NIL_UUID}'::uuid),
       COALESCE("clientName", ''), "status", count(*)::int, sum("durationMs"), max("durationMs"), ARRAY[${BUCKET_COUNTS_SQL}]
FROM "CallLog"
WHERE "at" >= $1::timestamptz AND "at" < $2::timestamptz AND "kind" = 'tool'
GROUP BY 1, 2, 3, 4, 5, 6`;

const HOURLY_SQL = `
INSERT INTO "CallRollupHourly" ("hour", "toolName", "clientName", "status", "calls", "totalMs", "maxMs", "buckets")
SELECT date_trunc('hour', "minute", 'UTC'), "toolName", "clientName", "status", sum("calls")::int, sum("totalMs"), max("maxMs"), ${sumBucketsSql({ as: "array" })}
FROM "CallRollup"
WHERE "minute" >= $1::timestamptz AND "minute" < $2::timestamptz
GROUP BY 1, 2, 3, 4`;

/**
 * Replaces the rollups of [from, to) with aggregates of the raw rows, per minute (or per hour for
 * a compacted hour: aligned range). Idempotent. A slice that fails is redone minute by minute, so
 * one poisoned minute (say, a row no index accepts) is left out, logged and counted, and never
 * holds back the minutes after it, compaction or pruning.
 */
async function recomputeRange(from: number, to: number, unit: "minute" | "hour" = "minute"): Promise<number> {
  let rows = 0;
  for (let start = from; start < to; start += SLICE_MS) {
    const end = Math.min(start + SLICE_MS, to);
    try {
      rows += await recomputeSlice(start, end, unit);
    } catch (error) {
      if (unit === "hour" || end - start <= MINUTE_MS) {
        skipFailedRange(start, end, error);
        continue;
      }
      for (let minute = start; minute < end; minute += MINUTE_MS) {
        try {
          rows += await recomputeSlice(minute, minute + MINUTE_MS, unit);
        } catch (minuteError) {
          skipFailedRange(minute, minute + MINUTE_MS, minuteError);
        }
      }
    }
  }
  return rows;
}

async function recomputeSlice(start: number, end: number, unit: "minute" | "hour"): Promise<number> {
  return getPrisma().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ROLL_UP_LOCK_KEY})`);
    await tx.$executeRawUnsafe(`DELETE FROM "CallRollup" WHERE "minute" >= $1::timestamptz AND "minute" < $2::timestamptz`, new Date(start), new Date(end));
    const inserted = await tx.$executeRawUnsafe(recomputeSql(unit), new Date(start), new Date(end));
    // The hourly all-users level is rebuilt for every hour the slice touches, whole hours only.
    const hours = [new Date(start - (start % HOUR_MS)), new Date(Math.ceil(end / HOUR_MS) * HOUR_MS)];
    await tx.$executeRawUnsafe(`DELETE FROM "CallRollupHourly" WHERE "hour" >= $1::timestamptz AND "hour" < $2::timestamptz`, ...hours);
    await tx.$executeRawUnsafe(HOURLY_SQL, ...hours);
    return inserted;
  }, { timeout: 120_000 });
}

function skipFailedRange(start: number, end: number, error: unknown): void {
  getMetrics().callRollupFailures.inc({ stage: "rollup_minute" });
  logger.error(
    { event: "call_rollup_range_skipped", from: new Date(start).toISOString(), to: new Date(end).toISOString(), err: error instanceof Error ? error.message : String(error) },
    "Could not roll up these minutes; skipping them so later minutes still reach the dashboards",
  );
}

async function catchUpStart(now: number): Promise<number> {
  const prisma = getPrisma();
  const [rolled] = await prisma.$queryRawUnsafe<{ latest: Date | null }[]>(`SELECT max("minute") AS latest FROM "CallRollup"`);
  if (rolled?.latest) return rolled.latest.getTime();
  const [raw] = await prisma.$queryRawUnsafe<{ earliest: Date | null }[]>(`SELECT min("at") AS earliest FROM "CallLog"`);
  return raw?.earliest ? floorMinute(raw.earliest.getTime()) : now;
}

/**
 * Aggregates raw CallLog rows into per-minute CallRollup rows (tool, user, key, client, status;
 * calls, total/max ms, latency histogram), and the hours they fall in into CallRollupHourly (tool,
 * client, status over all users: the admin dashboards' 7-day and 30-day views). Idempotent: each minute it touches is recomputed from
 * the raw rows (delete + insert in one transaction under an advisory lock), never added twice.
 *
 * Covers, in one run: minutes since the last run (on a process's first run: since the newest
 * rollup, or the oldest raw row), the last ROLL_UP_RECENT_MINUTES minutes and the still-open
 * current minute (so dashboards lag by at most the run interval), and minutes the writer
 * reported as having received late rows (after a database outage). Never reaches back past the
 * retention cutoff, where raw rows may already be pruned. `from`/`to` force a rebuild of a range.
 */
export async function rollUpCallLogs(options: { now?: Date; from?: Date; to?: Date } = {}): Promise<{ from: Date; to: Date; rows: number }> {
  const now = (options.now ?? new Date()).getTime();
  const retentionCutoff = floorMinute(now - getEnv().SWITCHBOARD_CALL_LOG_RETENTION_DAYS * 86_400_000);
  const to = options.to ? floorMinute(options.to.getTime()) : floorMinute(now) + MINUTE_MS;
  const recent = floorMinute(now) - ROLL_UP_RECENT_MINUTES * MINUTE_MS;
  const since = options.from ? floorMinute(options.from.getTime()) : Math.min(recent, state().rolledTo ?? (await catchUpStart(now)));
  const from = Math.max(since, retentionCutoff);
  let rows = 0;
  const compactedBefore = compactionCutoff(now);
  const recomputedHours = new Set<number>();
  for (const minute of takeLateCallLogMinutes()) {
    if (minute < retentionCutoff || minute >= from) continue;
    if (minute >= compactedBefore) {
      rows += await recomputeRange(minute, minute + MINUTE_MS);
      continue;
    }
    // The minute may already be compacted into its hour's row: rebuild the whole hour.
    const hour = minute - (minute % HOUR_MS);
    if (recomputedHours.has(hour)) continue;
    recomputedHours.add(hour);
    rows += await recomputeRange(hour, hour + HOUR_MS, "hour");
  }
  rows += await recomputeRange(from, to);
  // The open minute is part of [from, to) and is recomputed again next run.
  if (!options.from) state().rolledTo = floorMinute(now);
  return { from: new Date(from), to: new Date(to), rows };
}
