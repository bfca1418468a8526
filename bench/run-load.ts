import { execFileSync } from "node:child_process";

/** A server the load generator can be pointed at. */
export interface BenchTarget {
  url: string;
  pid: number;
  headers: readonly string[];
}

/** The fields of the load generator's --json report the bench reads. */
export interface LoadResult {
  sessions: number;
  sessionsOpened: number;
  ok: number;
  failed: number;
  callsPerSec: number;
  latencyMs: { p50: number; p99: number };
  serverCpu?: { usPerCall: number | null };
  machineCpu?: { otherCores: number };
  warnings: string[];
  errors: Record<string, number>;
}

/**
 * Runs the kit's mcp-load.mjs (or `script`, resolved from the kit) once against `target` (its
 * --pid for server CPU) and returns its JSON report. `pinCpu` pins the generator to one CPU (the
 * servers sit on the other).
 */
export function runLoad(kitDir: string, target: BenchTarget, flags: readonly string[], pinCpu?: string, script = "mcp-load.mjs", alsoLoaded: readonly BenchTarget[] = []): LoadResult {
  const args = [script, "--url", target.url, "--pid", String(target.pid), ...alsoLoaded.flatMap((other) => ["--pid", String(other.pid)]), "--json", ...flags];
  for (const header of target.headers) args.push("--header", header);
  const [command, commandArgs] = pinCpu ? ["taskset", ["-c", pinCpu, "node", ...args]] : ["node", args];
  let output: string;
  try {
    output = execFileSync(command, commandArgs, { cwd: kitDir, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    // Exit 1 = every call failed: its report is still on stdout, and says why.
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    output = stdout;
  }
  return JSON.parse(output.trim().split("\n").pop()!) as LoadResult;
}
