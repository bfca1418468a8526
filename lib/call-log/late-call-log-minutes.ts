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

/** Marks the minutes of rows inserted late, given each row's instant (epoch ms). */
export function markLateCallLogMinutes(rowInstants: readonly number[], now: number = Date.now()): void {
  for (const at of rowInstants) {
    if (now - at > LATE_ROW_AGE_MS) minutes().add(at - (at % 60_000));
  }
}

/** Returns and clears the marked minutes, oldest first. */
export function takeLateCallLogMinutes(): number[] {
  const taken = [...minutes()].sort((a, b) => a - b);
  minutes().clear();
  return taken;
}
