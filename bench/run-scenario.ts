import type { BenchGoal, BenchRun, BenchScenario, BenchTargetName } from "./bench-scenarios";
import { median, spread } from "./bench-stats";
import { cpuSecondsOf } from "./process-cpu";
import { runLoad, type BenchTarget, type LoadResult } from "./run-load";

/** A ratio's median over rounds with its smallest and largest round. */
export interface RatioFigure {
  median: number;
  spread: [number, number];
}

/** Medians over rounds of one run's figures, and what its rounds said about themselves. */
export interface RunFigures {
  label: string;
  callsPerSec: number;
  p50: number;
  p99: number;
  cpuUsPerCall: number;
  ok: number;
  failed: number;
  /** Rounds in which fewer sessions opened than asked for. */
  roundsShortOfSessions: number;
  /** Most cores other processes used during any round (the load generator's `machine` line). */
  maxOtherCores: number;
}

export interface Comparison {
  baseline: string;
  callsPerSec: RatioFigure;
  p99: RatioFigure;
  cpuPerCall: RatioFigure;
  /** Subject p50 minus baseline p50, ms: the median of per-round differences, and their spread. */
  addedP50Ms: RatioFigure;
  goal?: BenchGoal;
  /** Goals this comparison missed, in words (empty: met, or no goal). */
  missed: string[];
}

export interface ScenarioResult {
  id: string;
  title: string;
  transport: string;
  sessions: number;
  rounds: number;
  /** Times the whole scenario was run again because its rounds disagreed. */
  reruns: number;
  subject: RunFigures;
  baselines: RunFigures[];
  comparisons: Comparison[];
  /** Spread, rerun and warning notes for the table. */
  notes: string[];
}

export interface ScenarioOptions {
  kitDir: string;
  targets: Record<BenchTargetName, BenchTarget>;
  rounds: number;
  durationS: number;
  warmupS: number;
  /** A scenario whose per-round ratios differ by more than this share of their median is rerun. */
  maxSpread: number;
  maxReruns: number;
  /** Cores other processes may use before a round is flagged. */
  maxOtherCores: number;
  loadgenCpu?: string;
  progress: (message: string) => void;
  /**
   * The processes that work for the hub (its Postgres backends and writers, Redis): their CPU
   * during a hub run is the hub's load, not other processes', so it is taken out of that check.
   */
  hubServicePids?: readonly number[];
}

/**
 * Runs a scenario's rounds interleaved (subject, baselines…, subject, …), reruns it while the
 * rounds disagree by more than `maxSpread` (up to `maxReruns` times; the table says so) and
 * judges the medians of per-round ratios against each baseline's goal.
 */
export function runScenario(scenario: BenchScenario, options: ScenarioOptions): ScenarioResult {
  const notes: string[] = [];
  let rounds = runRounds(scenario, options);
  let reruns = 0;
  for (;;) {
    const widest = widestSpread(scenario, rounds);
    if (widest.share <= options.maxSpread) break;
    if (reruns === options.maxReruns) {
      notes.push(`spread still ${percent(widest.share)} (${widest.what}) after ${reruns} rerun(s): noisy, redo on a quiet machine`);
      break;
    }
    reruns++;
    notes.push(`rerun ${reruns}: ${widest.what} spread ${percent(widest.share)} > ${percent(options.maxSpread)}`);
    options.progress(`${scenario.id}: ${notes.at(-1)}`);
    rounds = runRounds(scenario, options);
  }
  const runs = [scenario.subject, ...scenario.baselines];
  const figures = runs.map((run, index) => runFigures(run, rounds.map((round) => round[index])));
  // The details go to the report's checks; the table row only says that the machine was busy.
  const busiest = Math.max(...figures.map((run) => run.maxOtherCores));
  if (busiest > options.maxOtherCores) notes.push(`machine busy: other processes used up to ${busiest} cores`);
  const comparisons = scenario.baselines.map((baseline, index) => compare(baseline, rounds.map((round) => [round[0], round[index + 1]])));
  return {
    id: scenario.id,
    title: scenario.title,
    transport: scenario.transport,
    sessions: scenario.sessions,
    rounds: rounds.length,
    reruns,
    subject: figures[0],
    baselines: figures.slice(1),
    comparisons,
    notes,
  };
}

function runRounds(scenario: BenchScenario, options: ScenarioOptions): LoadResult[][] {
  const runs = [scenario.subject, ...scenario.baselines];
  const rounds: LoadResult[][] = [];
  for (let round = 1; round <= options.rounds; round++) {
    rounds.push(
      runs.map((run) => {
        options.progress(`${scenario.id}: round ${round}/${options.rounds}, ${run.label}`);
        const services = run.target === "hub" ? (options.hubServicePids ?? []) : [];
        const [cpuBefore, startedAt] = [cpuSecondsOf(services), performance.now()];
        const result = runLoad(options.kitDir, options.targets[run.target], loadFlags(scenario, run, options), options.loadgenCpu, run.script, (run.alsoLoads ?? []).map((name) => options.targets[name]));
        const servicesCores = (cpuSecondsOf(services) - cpuBefore) / ((performance.now() - startedAt) / 1000);
        if (result.machineCpu && servicesCores > 0) result.machineCpu.otherCores = Math.max(0, round2(result.machineCpu.otherCores - servicesCores));
        for (const warning of result.warnings) options.progress(`  warning (${run.label}): ${warning}`);
        return result;
      }),
    );
  }
  return rounds;
}

function loadFlags(scenario: BenchScenario, run: BenchRun, options: ScenarioOptions): string[] {
  const flags = ["--transport", scenario.transport, "--sessions", String(scenario.sessions), "--duration", String(options.durationS), "--warmup", String(options.warmupS)];
  if (run.tool) flags.push("--tool", run.tool);
  if (run.args) flags.push("--args", JSON.stringify(run.args));
  return [...flags, ...(run.flags ?? [])];
}

const callsPerSec = (result: LoadResult) => result.callsPerSec;
const p99 = (result: LoadResult) => result.latencyMs.p99;
const cpuPerCall = (result: LoadResult) => result.serverCpu?.usPerCall ?? Number.NaN;

function runFigures(run: BenchRun, results: LoadResult[]): RunFigures {
  return {
    label: run.label,
    callsPerSec: median(results.map(callsPerSec)),
    p50: median(results.map((result) => result.latencyMs.p50)),
    p99: median(results.map(p99)),
    cpuUsPerCall: median(results.map(cpuPerCall)),
    ok: results.reduce((sum, result) => sum + result.ok, 0),
    failed: results.reduce((sum, result) => sum + result.failed, 0),
    roundsShortOfSessions: results.filter((result) => result.sessionsOpened < result.sessions).length,
    maxOtherCores: Math.max(...results.map((result) => result.machineCpu?.otherCores ?? 0)),
  };
}

function ratio(pairs: Array<[LoadResult, LoadResult]>, pick: (result: LoadResult) => number): RatioFigure {
  const values = pairs.map(([subject, baseline]) => pick(subject) / pick(baseline));
  return { median: median(values), spread: spread(values) };
}

function compare(baseline: BenchRun & { goal?: BenchGoal }, pairs: Array<[LoadResult, LoadResult]>): Comparison {
  const added = pairs.map(([subject, other]) => subject.latencyMs.p50 - other.latencyMs.p50);
  const addedP50Ms = { median: median(added), spread: spread(added) };
  const result: Comparison = { baseline: baseline.label, callsPerSec: ratio(pairs, callsPerSec), p99: ratio(pairs, p99), cpuPerCall: ratio(pairs, cpuPerCall), addedP50Ms, goal: baseline.goal, missed: [] };
  const goal = baseline.goal ?? {};
  if (goal.minCallsPerSecRatio !== undefined && !(result.callsPerSec.median >= goal.minCallsPerSecRatio)) result.missed.push(`calls/s ${result.callsPerSec.median.toFixed(2)}× < ${goal.minCallsPerSecRatio}×`);
  if (goal.maxP99Ratio !== undefined && !(result.p99.median <= goal.maxP99Ratio)) result.missed.push(`p99 ${result.p99.median.toFixed(2)}× > ${goal.maxP99Ratio}×`);
  if (goal.maxAddedP50Ms !== undefined && !(addedP50Ms.median <= goal.maxAddedP50Ms)) result.missed.push(`added p50 ${addedP50Ms.median.toFixed(2)} ms > ${goal.maxAddedP50Ms} ms`);
  if (goal.maxCpuPerCallRatio !== undefined && !(result.cpuPerCall.median <= goal.maxCpuPerCallRatio)) result.missed.push(`CPU per call ${result.cpuPerCall.median.toFixed(2)}× > ${goal.maxCpuPerCallRatio}×`);
  return result;
}

/**
 * The widest relative spread of the calls/s and CPU-per-call ratios over the rounds, over the
 * baselines with a goal (the raw server's tiny CPU per call makes hub/raw a noisy floor that
 * would rerun every scenario); over all of them when none has a goal.
 */
function widestSpread(scenario: BenchScenario, rounds: LoadResult[][]): { share: number; what: string } {
  let widest = { share: 0, what: "" };
  const judged = scenario.baselines.some((baseline) => baseline.goal);
  scenario.baselines.forEach((baseline, index) => {
    if (judged && !baseline.goal) return;
    const pairs = rounds.map((round): [LoadResult, LoadResult] => [round[0], round[index + 1]]);
    for (const [what, pick] of [
      ["calls/s", callsPerSec],
      ["CPU per call", cpuPerCall],
    ] as const) {
      const figure = ratio(pairs, pick);
      const share = (figure.spread[1] - figure.spread[0]) / figure.median;
      if (share > widest.share) widest = { share, what: `${scenario.subject.label}/${baseline.label} ${what}` };
    }
  });
  return widest;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
