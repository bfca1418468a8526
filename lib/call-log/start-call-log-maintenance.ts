import { logger } from "@/lib/log/logger";
import { compactCallRollups } from "@/lib/call-log/compact-call-rollups";
import { pruneCallLogs } from "@/lib/call-log/prune-call-logs";
import { rollUpCallLogs } from "@/lib/call-log/roll-up-call-logs";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { pruneOAuthTokens } from "@/lib/oauth/prune-oauth-tokens";

/** How often rollups are refreshed: the dashboards' worst-case lag behind live traffic. */
export const ROLL_UP_INTERVAL_MS = 15_000;
const PRUNE_INTERVAL_MS = 60 * 60_000;

/**
 * Starts the periodic roll-up (every 15 s, including the open minute), and hourly compaction of
 * day-old rollups into hourly rows, pruning of raw call logs past retention and of spent OAuth
 * codes and refresh tokens (pruneOAuthTokens). Runs never overlap; each step's failure is logged,
 * counted (switchboard_call_rollup_failures_total) and retried next tick, and never skips the
 * other steps. Returns a stop function that waits for a
 * run in progress.
 */
export function startCallLogMaintenance(): () => Promise<void> {
  let running: Promise<void> | null = null;
  let lastPrune = 0;
  const tick = () => {
    if (running) return;
    running = (async () => {
      // Each step on its own: a failing roll-up must not stop compaction or pruning, nor the reverse.
      await runStep("rollup", () => rollUpCallLogs());
      if (Date.now() - lastPrune > PRUNE_INTERVAL_MS) {
        lastPrune = Date.now();
        await runStep("compaction", () => compactCallRollups());
        await runStep("pruning", async () => {
          const pruned = await pruneCallLogs();
          if (pruned.callLogs > 0) logger.info({ event: "call_logs_pruned", ...pruned }, "Pruned call logs past retention");
        });
        await runStep("pruning", async () => {
          const pruned = await pruneOAuthTokens();
          if (pruned.codes + pruned.refreshTokens > 0) logger.info({ event: "oauth_tokens_pruned", ...pruned }, "Pruned spent OAuth codes and refresh tokens");
        });
      }
      running = null;
    })();
  };
  const timer = setInterval(tick, ROLL_UP_INTERVAL_MS);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** Runs one maintenance step; a failure is logged and counted, never thrown. */
async function runStep(stage: "rollup" | "compaction" | "pruning", step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (err) {
    getMetrics().callRollupFailures.inc({ stage });
    logger.warn({ event: "call_log_maintenance_failed", stage, err: err instanceof Error ? err.message : String(err) }, `Call-log ${stage} failed; retrying next run`);
  }
}
