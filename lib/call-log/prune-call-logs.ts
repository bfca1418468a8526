import { getPrisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { ROLL_UP_RECENT_MINUTES } from "@/lib/call-log/roll-up-call-logs";

const DELETE_CHUNK = 10_000;

/**
 * Deletes raw CallLog and RateLimitEvent rows older than SWITCHBOARD_CALL_LOG_RETENTION_DAYS, in
 * chunks so no long lock blocks the writer. Only rows in minutes that are already rolled up are
 * deleted (older than the newest rollup minute, minus the recompute window), so dashboards keep
 * them. Returns the number of call-log rows deleted.
 */
export async function pruneCallLogs(options: { now?: Date } = {}): Promise<{ callLogs: number; rateLimitEvents: number }> {
  const prisma = getPrisma();
  const now = (options.now ?? new Date()).getTime();
  const retentionCutoff = now - getEnv().SWITCHBOARD_CALL_LOG_RETENTION_DAYS * 86_400_000;
  const [rolled] = await prisma.$queryRawUnsafe<{ latest: Date | null }[]>(`SELECT max("minute") AS latest FROM "CallRollup"`);
  const rolledThrough = rolled?.latest ? rolled.latest.getTime() - ROLL_UP_RECENT_MINUTES * 60_000 : Number.NEGATIVE_INFINITY;
  const cutoff = new Date(Math.min(retentionCutoff, rolledThrough));
  let callLogs = 0;
  if (Number.isFinite(cutoff.getTime())) {
    for (;;) {
      const deleted = await prisma.$executeRawUnsafe(
        `DELETE FROM "CallLog" WHERE "id" IN (SELECT "id" FROM "CallLog" WHERE "at" < $1::timestamptz LIMIT ${DELETE_CHUNK})`,
        cutoff,
      );
      callLogs += deleted;
      if (deleted < DELETE_CHUNK) break;
    }
  }
  const events = await prisma.rateLimitEvent.deleteMany({ where: { at: { lt: new Date(retentionCutoff) } } });
  return { callLogs, rateLimitEvents: events.count };
}
