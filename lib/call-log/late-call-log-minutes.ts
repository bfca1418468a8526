/**
 * Minutes that received call-log rows after the roll-up had probably passed them (rows buffered
 * through a database outage). The writer marks them; the roll-up recomputes them. Process-wide.
 */
const globalForLate = globalThis as unknown as { switchboardLateCallLogMinutes?: Set<number> };

function minutes(): Set<number> {
  return (globalForLate.switchboardLateCallLogMinutes ??= new Set());
}

/** Rows older than this at insert time may have missed the roll-up's recent-minutes window. */
export const LATE_ROW_AGE_MS = 60_000;

/** Marks the minutes of rows inserted late (epoch ms of each row's minute). */
export function markLateCallLogMinutes(rows: readonly { at: Date }[], now: number = Date.now()): void {
  for (const row of rows) {
    const at = row.at.getTime();
    if (now - at > LATE_ROW_AGE_MS) minutes().add(at - (at % 60_000));
  }
}

/** Returns and clears the marked minutes, oldest first. */
export function takeLateCallLogMinutes(): number[] {
  const taken = [...minutes()].sort((a, b) => a - b);
  minutes().clear();
  return taken;
}
