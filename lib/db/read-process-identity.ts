import { readFileSync } from "node:fs";

/**
 * What tells a process apart from a later one reusing its pid (after a restart, pids repeat):
 * its start time in clock ticks since boot and its command line, from /proc. Undefined where
 * /proc is unavailable (then callers fall back to the pid alone) or the process is gone.
 */
export function readProcessIdentity(pid: number): { startTicks: string; commandLine: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name: state is field 3, starttime field 22.
    const startTicks = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    return { startTicks, commandLine };
  } catch {
    return undefined;
  }
}
