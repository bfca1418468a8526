import type { IdleMemoryFigure } from "./measure-idle-memory";
import type { RatioFigure, ScenarioResult } from "./run-scenario";

export interface BenchReport {
  date: string;
  machine: string;
  pinned: string;
  rounds: number;
  durationS: number;
  maxSpread: number;
  maxOtherCores: number;
  scenarios: ScenarioResult[];
  callLog: { callsMade: number; failed: number; rowsWritten: number };
  memory: IdleMemoryFigure[];
}

/** Target for an idle session's cost (heap + external after a full GC). */
const MAX_KB_PER_IDLE_SESSION = 100;

const number = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const ratio = (figure: RatioFigure) => `${number(figure.median, 2)} (${number(figure.spread[0], 2)}–${number(figure.spread[1], 2)})`;
const kb = (bytes: number) => number(bytes / 1024, 1);

/**
 * The markdown report: one table row per scenario and baseline, the memory and call-log
 * figures, and the run's checks of itself. `problems` counts the checks that failed (figures
 * that cannot be trusted as they stand); goals missed are listed apart.
 */
export function formatBenchReport(report: BenchReport): { text: string; problems: number } {
  const problems: string[] = [];
  const missed: string[] = [];
  const rows: string[] = [];
  for (const scenario of report.scenarios) {
    const subject = scenario.subject;
    scenario.comparisons.forEach((comparison, index) => {
      const baseline = scenario.baselines[index];
      const added = comparison.goal?.maxAddedP50Ms === undefined ? "" : ` (added p50 ${number(comparison.addedP50Ms.median, 2)} ms, ${number(comparison.addedP50Ms.spread[0], 2)}–${number(comparison.addedP50Ms.spread[1], 2)})`;
      const goal = (comparison.missed.length ? `missed: ${comparison.missed.join("; ")}` : comparison.goal ? "met" : "–") + added;
      rows.push(
        `| ${scenario.title} | ${scenario.transport} | ${scenario.sessions} | ${subject.label} / ${baseline.label} | ${number(subject.callsPerSec)} / ${number(baseline.callsPerSec)} | ${number(subject.p50, 2)}/${number(subject.p99, 2)} · ${number(baseline.p50, 2)}/${number(baseline.p99, 2)} | ${number(subject.cpuUsPerCall)} / ${number(baseline.cpuUsPerCall)} | ${ratio(comparison.callsPerSec)} | ${ratio(comparison.p99)} | ${ratio(comparison.cpuPerCall)} | ${goal} | ${scenario.notes.join("; ") || "–"} |`,
      );
      for (const text of comparison.missed) missed.push(`${scenario.id} (${subject.label} / ${baseline.label}): ${text}`);
    });
    for (const run of [subject, ...scenario.baselines]) {
      if (run.roundsShortOfSessions) problems.push(`${scenario.id}, ${run.label}: not all ${scenario.sessions} sessions opened in ${run.roundsShortOfSessions} round(s)`);
      if (run.failed) problems.push(`${scenario.id}, ${run.label}: ${run.failed} failed calls`);
      if (run.ok === 0) problems.push(`${scenario.id}, ${run.label}: no call succeeded`);
      if (run.maxOtherCores > report.maxOtherCores) problems.push(`${scenario.id}, ${run.label}: other processes used up to ${run.maxOtherCores} cores (> ${report.maxOtherCores}): redo on a quiet machine`);
    }
  }
  const { callLog } = report;
  if (callLog.failed) problems.push(`exact-count run: ${callLog.failed} failed calls`);
  if (callLog.rowsWritten !== callLog.callsMade) problems.push(`call log: ${callLog.callsMade} calls made but ${callLog.rowsWritten} rows written`);
  const memoryLines = report.memory.map((figure) => {
    if (figure.gaugeOpen !== figure.sessions) problems.push(`memory (${figure.transport}): the hub counted ${figure.gaugeOpen} sessions, ${figure.sessions} were opened`);
    // BENCH_IDLE_SESSIONS=0 skips the measurement: nothing to judge.
    if (figure.sessions > 0 && !(figure.heapBytesPerSession / 1024 <= MAX_KB_PER_IDLE_SESSION)) missed.push(`memory (${figure.transport}): ${kb(figure.heapBytesPerSession)} KB per idle session > ${MAX_KB_PER_IDLE_SESSION} KB`);
    return `| ${figure.transport} | ${figure.sessions} | ${figure.gaugeBefore} → ${figure.gaugeOpen} | ${kb(figure.heapBytesPerSession)} | ${kb(figure.rssBytesPerSession)} | ${number(figure.before.heapUsed / 2 ** 20, 1)} → ${number(figure.after.heapUsed / 2 ** 20, 1)} MB | ${number(figure.before.rss / 2 ** 20, 1)} → ${number(figure.after.rss / 2 ** 20, 1)} MB |`;
  });
  const lines = [
    `Measured ${report.date} on ${report.machine}; ${report.rounds} interleaved rounds of ${report.durationS} s per scenario (pinned: ${report.pinned}); a scenario whose rounds differ by more than ${Math.round(report.maxSpread * 100)}% is rerun.`,
    "",
    "| scenario | transport | sessions | subject / baseline | calls/s | p50/p99 ms | CPU µs per call | calls/s ratio | p99 ratio | CPU ratio | goal | notes |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "Ratios are subject / baseline: the median of per-round ratios, (smallest–largest round).",
    "",
    `Idle sessions, each on a fresh hub process (after 20 sessions opened and closed to load the code), memory after a forced full GC:`,
    "",
    "| transport | sessions | hub's active-session gauge | KB per session (heap + external) | KB per session (RSS) | heap used | RSS |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...memoryLines,
    "",
    `Call log: ${callLog.callsMade} calls made (${callLog.failed} failed), ${callLog.rowsWritten} rows written.`,
    "",
    problems.length ? `Checks FAILED (${problems.length}): the figures above cannot be trusted as they stand.` : "Checks passed: every session opened, no failed calls, call-log rows equal calls, other processes stayed under the limit.",
    ...problems.map((text) => `- ${text}`),
    "",
    missed.length ? `Goals missed (${missed.length}):` : "Every goal met.",
    ...missed.map((text) => `- ${text}`),
    "",
  ];
  return { text: lines.join("\n"), problems: problems.length };
}
