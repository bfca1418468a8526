import { getPrisma } from "@/lib/db/prisma";
import { sumBucketsSql } from "@/lib/call-log/sum-buckets-sql";
import { ROLL_UP_LOCK_KEY, compactionCutoff } from "@/lib/call-log/roll-up-call-logs";

const HOUR_MS = 60 * 60_000;
/** Hours compacted per transaction. */
const HOURS_PER_BATCH = 24;

const globalForCompaction = globalThis as unknown as { switchboardCompactedTo?: number };

// Replaces each hour's rows by one row per (tool, user, key, client, status) keyed at the hour's
// first minute; re-running it on a compacted hour rewrites the same values (idempotent).
const MERGE_SQL = `
INSERT INTO "CallRollup" ("minute", "toolName", "userId", "apiKeyId", "clientName", "status", "calls", "totalMs", "maxMs", "buckets")
SELECT date_trunc('hour', "minute", 'UTC'), "toolName", "userId", "apiKeyId", "clientName", "status",
       sum("calls")::int, sum("totalMs"), max("maxMs"), ${sumBucketsSql({ as: "array" })}
FROM "CallRollup"
WHERE "minute" >= $1::timestamptz AND "minute" < $2::timestamptz
GROUP BY 1, 2, 3, 4, 5, 6
ON CONFLICT ("minute", "toolName", "userId", "apiKeyId", "clientName", "status") DO UPDATE
SET "calls" = EXCLUDED."calls", "totalMs" = EXCLUDED."totalMs", "maxMs" = EXCLUDED."maxMs", "buckets" = EXCLUDED."buckets"`;

const DELETE_MINUTES_SQL = `
DELETE FROM "CallRollup"
WHERE "minute" >= $1::timestamptz AND "minute" < $2::timestamptz AND "minute" <> date_trunc('hour', "minute", 'UTC')`;

/**
 * Compacts per-minute rollups older than ~25 h into one row per hour, so 7-day and 30-day
 * dashboards read ~60× fewer rows (their charts use ≥ 1 h buckets; the 1 h and 24 h views keep
 * minute rows). Works from the rollups themselves, so it needs no raw rows. Idempotent; resumes
 * from the oldest uncompacted hour after a restart. Returns the number of hours processed.
 */
export async function compactCallRollups(options: { now?: Date } = {}): Promise<number> {
  const prisma = getPrisma();
  const cutoff = compactionCutoff((options.now ?? new Date()).getTime());
  let start = globalForCompaction.switchboardCompactedTo;
  if (start === undefined) {
    const [oldest] = await prisma.$queryRawUnsafe<{ oldest: Date | null }[]>(
      `SELECT min("minute") AS oldest FROM "CallRollup" WHERE "minute" < $1::timestamptz AND "minute" <> date_trunc('hour', "minute", 'UTC')`,
      new Date(cutoff),
    );
    start = oldest?.oldest ? oldest.oldest.getTime() - (oldest.oldest.getTime() % HOUR_MS) : cutoff;
  }
  let hours = 0;
  for (let from = start; from < cutoff; from += HOURS_PER_BATCH * HOUR_MS) {
    const to = Math.min(from + HOURS_PER_BATCH * HOUR_MS, cutoff);
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ROLL_UP_LOCK_KEY})`);
      await tx.$executeRawUnsafe(MERGE_SQL, new Date(from), new Date(to));
      await tx.$executeRawUnsafe(DELETE_MINUTES_SQL, new Date(from), new Date(to));
    }, { timeout: 120_000 });
    hours += (to - from) / HOUR_MS;
  }
  globalForCompaction.switchboardCompactedTo = Math.max(start, cutoff);
  return hours;
}
