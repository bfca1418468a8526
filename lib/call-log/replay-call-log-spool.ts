import { existsSync, readdirSync, readFileSync, unlinkSync } from "node:fs";
import path from "node:path";
import { insertCallLogRows, type CallLogStore } from "@/lib/call-log/insert-call-log-rows";
import { isProcessAlive } from "@/lib/db/is-process-alive";
import { getDatabasePool } from "@/lib/db/get-database-pool";
import { logger } from "@/lib/log/logger";

const BATCH = 1_000;
const SEGMENT = /^(\d+)-\d+-\d+\.ndjson$/;

/** The segment's complete lines (each a row's JSON text, as the writer made it for the insert). */
function parseRows(text: string): string[] {
  const rows: string[] = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    try {
      JSON.parse(line);
      rows.push(line);
    } catch {
      // A line cut short by the kill was never acknowledged: its call was not answered.
    }
  }
  return rows;
}

/**
 * Inserts the call-log rows that a killed hub left in its spool (`dir`, see createCallLogSpool)
 * and deletes those segments; rows already inserted before the kill are skipped, not doubled.
 * Segments of a live process (another hub sharing the folder) are left alone. Returns the number
 * of rows read; a failure is logged and the files are kept for the next start.
 */
export async function replayCallLogSpool(dir: string, store: CallLogStore = getDatabasePool()): Promise<number> {
  if (!existsSync(dir)) return 0;
  let replayed = 0;
  for (const name of readdirSync(dir).sort()) {
    const owner = SEGMENT.exec(name)?.[1];
    if (!owner || (Number(owner) !== process.pid && isProcessAlive(Number(owner)))) continue;
    const file = path.join(dir, name);
    try {
      const rows = parseRows(readFileSync(file, "utf8"));
      for (let index = 0; index < rows.length; index += BATCH) await insertCallLogRows(store, rows.slice(index, index + BATCH), { skipExisting: true });
      unlinkSync(file);
      replayed += rows.length;
    } catch (error) {
      logger.error({ event: "call_log_spool_replay_failed", file: name, err: error instanceof Error ? error.message : String(error) }, "Could not replay a call-log spool segment; it is kept for the next start");
    }
  }
  if (replayed > 0) logger.warn({ event: "call_log_spool_replayed", rows: replayed }, `Recovered ${replayed} call-log rows spooled by a hub that did not shut down cleanly`);
  return replayed;
}
