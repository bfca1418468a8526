import { readFileSync } from "node:fs";

/** Linux's USER_HZ: /proc/PID/stat counts CPU in ticks of 1/100 s. */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) the processes have used so far; ones that are gone count 0. */
export function cpuSecondsOf(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited
    }
  }
  return ticks / TICKS_PER_SECOND;
}
