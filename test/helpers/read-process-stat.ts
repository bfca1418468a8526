import { readFileSync } from "node:fs";

export interface ProcessStat {
  /** R, S, D, Z (zombie: exited, not yet reaped), T... */
  state: string;
  processGroup: number;
  /** Clock ticks after boot: with the pid, names one process (pids are reused). */
  startTime: number;
}

/** A process's state, process group and start time from /proc (Linux), or undefined when there is no such pid. */
export function readProcessStat(pid: number): ProcessStat | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0], processGroup: Number(fields[2]), startTime: Number(fields[19]) };
}

/** Whether the process that had `stat` is still running (not gone, not a zombie, its pid not reused). */
export function isStillRunning(pid: number, stat: ProcessStat): boolean {
  const now = readProcessStat(pid);
  return now !== undefined && now.state !== "Z" && now.startTime === stat.startTime;
}
