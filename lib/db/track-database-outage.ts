import { getPrisma } from "@/lib/db/prisma";
import { logger } from "@/lib/log/logger";

/** How often the database is probed while it is unreachable. */
const PROBE_INTERVAL_MS = 1_000;
/** How often an ongoing outage is logged again, with the count of refused work so far. */
const REMINDER_INTERVAL_MS = 60_000;

interface OutageState {
  since: number;
  affected: number;
  lastReminder: number;
  probe: NodeJS.Timeout;
}

const globalForOutage = globalThis as unknown as { switchboardDatabaseOutage?: OutageState | null };

/**
 * Notes that something failed because the database is unreachable. The first note of an outage
 * logs it once and starts a probe (SELECT 1 every second); the probe's first success logs the end
 * with the outage's length and how many failures it cost. In between, one reminder a minute:
 * an outage is a few log lines, not a stack per request.
 */
export function noteDatabaseUnreachable(error: unknown): void {
  const current = globalForOutage.switchboardDatabaseOutage;
  if (current) {
    current.affected += 1;
    if (Date.now() - current.lastReminder >= REMINDER_INTERVAL_MS) {
      current.lastReminder = Date.now();
      logger.warn({ event: "database_outage_ongoing", affected: current.affected, sinceMs: Date.now() - current.since }, "Database still unreachable");
    }
    return;
  }
  const since = Date.now();
  logger.error(
    { event: "database_outage_started", err: error instanceof Error ? error.message.split("\n").filter(Boolean).at(-1) : String(error) },
    "Database unreachable: serving known keys from their last good entry, answering the rest with 503 until it is back",
  );
  const probe = setInterval(() => void probeDatabase(), PROBE_INTERVAL_MS);
  probe.unref();
  globalForOutage.switchboardDatabaseOutage = { since, affected: 1, lastReminder: since, probe };
}

/** Whether an outage is in progress (noted and not yet probed back). */
export function isDatabaseOutage(): boolean {
  return Boolean(globalForOutage.switchboardDatabaseOutage);
}

let probing = false;
async function probeDatabase(): Promise<void> {
  const current = globalForOutage.switchboardDatabaseOutage;
  if (!current || probing) return;
  probing = true;
  try {
    await getPrisma().$queryRawUnsafe("SELECT 1");
  } catch {
    return;
  } finally {
    probing = false;
  }
  clearInterval(current.probe);
  globalForOutage.switchboardDatabaseOutage = null;
  logger.warn({ event: "database_outage_ended", affected: current.affected, durationMs: Date.now() - current.since }, `Database reachable again after ${Math.round((Date.now() - current.since) / 1000)} s (${current.affected} requests were served from cache or refused meanwhile)`);
}
