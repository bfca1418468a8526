/**
 * `npm run bench`: the hub's full pipeline against a bare SDK server and a raw node:http server,
 * side by side on this machine, with the load generator of ../shared/bench (see its README).
 *
 * Starts the hub in production mode on a fresh database (Redis when REDIS_URL is set), mints a
 * key through the CLI, starts both baselines, runs interleaved rounds (hub, SDK, raw, ...) with
 * identical flags per transport and session count, then measures idle-session memory and checks
 * that call-log rows equal calls made. Prints a table and writes bench/results/latest.{json,md}.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createTestDatabase } from "@/test/helpers/test-database";
import { median, spread } from "./bench-stats";
import { openIdleSessions } from "./open-idle-sessions";

const ROOT = path.resolve(import.meta.dirname, "..");
const KIT_SOURCE = path.resolve(ROOT, "../shared/bench");
const KIT = path.join(ROOT, "bench/.kit");
const RESULTS = path.join(ROOT, "bench/results");
const HUB_PORT = 3950;
const SDK_PORT = 3900;
const RAW_PORT = 3901;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const IDLE_SESSIONS = Number(process.env.BENCH_IDLE_SESSIONS ?? 2000);
const EXACT_CALLS = 5000;
const SCENARIOS = [
  { transport: "streamable", sessions: 20 },
  { transport: "streamable", sessions: 200 },
  { transport: "sse", sessions: 20 },
  { transport: "sse", sessions: 200 },
] as const;

type Target = "hub" | "sdk" | "raw";
interface LoadResult {
  ok: number;
  failed: number;
  callsPerSec: number;
  latencyMs: { p50: number; p99: number };
  serverCpu?: { usPerCall: number | null };
  warnings: string[];
  errors: Record<string, number>;
}

const children: ChildProcess[] = [];

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function prepareKit(): void {
  if (!existsSync(path.join(KIT, "node_modules"))) {
    progress("installing the load-generator kit (bench/.kit)");
    cpSync(KIT_SOURCE, KIT, { recursive: true, filter: (source) => !source.includes("node_modules") });
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--silent"], { cwd: KIT, stdio: "inherit" });
  }
}

function startProcess(name: string, command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  child.on("exit", (code) => {
    if (code && code !== 0 && !shuttingDown) progress(`${name} exited with ${code}: ${stderr.trim().split("\n").pop()}`);
  });
  children.push(child);
  return child;
}

async function waitForHttp(url: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function runCli(args: string[], env: Record<string, string>): string {
  return execFileSync("node", ["--import", "tsx", "lib/cli/sb.ts", ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" }).trim();
}

function runLoad(url: string, pid: number, flags: string[], key?: string): LoadResult {
  const args = ["mcp-load.mjs", "--url", url, "--pid", String(pid), "--json", ...flags];
  if (key) args.push("--header", `Authorization: Bearer ${key}`);
  const output = execFileSync("node", args, { cwd: KIT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(output.trim().split("\n").pop()!) as LoadResult;
}

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function countCallLogs(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "CallLog" WHERE "toolName" = 'echo'`);
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}

let shuttingDown = false;
function stopAll(): void {
  shuttingDown = true;
  for (const child of children) child.kill("SIGTERM");
}
process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});

async function main(): Promise<void> {
  prepareKit();
  mkdirSync(RESULTS, { recursive: true });
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    progress("building the console (next build), once");
    execFileSync("npx", ["next", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  progress("creating a fresh database");
  const database = await createTestDatabase();
  const dataDir = path.join(os.tmpdir(), `switchboard-bench-${process.pid}`);
  const hubEnv = {
    DATABASE_URL: database.url,
    PORT: String(HUB_PORT),
    SWITCHBOARD_DATA_DIR: dataDir,
    SWITCHBOARD_SESSION_TTL_SECONDS: "3600",
    // One key opens every benchmark session, the 2,000 idle ones included.
    SWITCHBOARD_MAX_SESSIONS_PER_KEY: String(IDLE_SESSIONS + 1000),
    LOG_LEVEL: "warn",
  };
  try {
    runCli(["user", "create", "--email", "bench@example.com", "--password", "bench-password-123"], hubEnv);
    const key = runCli(["key", "create", "--email", "bench@example.com", "--name", "bench", "--rate-limit", "1000000/1m"], hubEnv);

    progress(`starting the hub on :${HUB_PORT} (Redis: ${process.env.REDIS_URL ? "on" : "off"}) and both baselines`);
    const hub = startProcess("hub", "node", ["--import", "tsx", "mcp/server/start-hub.ts"], hubEnv);
    const sdk = startProcess("sdk baseline", "node", [path.join(KIT, "baseline-sdk-server.mjs"), "--port", String(SDK_PORT)]);
    const raw = startProcess("raw baseline", "node", [path.join(KIT, "baseline-raw-server.mjs"), "--port", String(RAW_PORT)]);
    await Promise.all([
      waitForHttp(`http://127.0.0.1:${HUB_PORT}/api/health`),
      waitForHttp(`http://127.0.0.1:${SDK_PORT}/stats`),
      waitForHttp(`http://127.0.0.1:${RAW_PORT}/stats`),
    ]);

    const targets: Record<Target, { url: string; pid: number; key?: string }> = {
      hub: { url: `http://127.0.0.1:${HUB_PORT}`, pid: hub.pid!, key },
      sdk: { url: `http://127.0.0.1:${SDK_PORT}`, pid: sdk.pid! },
      raw: { url: `http://127.0.0.1:${RAW_PORT}`, pid: raw.pid! },
    };
    const rows: Array<Record<string, unknown>> = [];
    for (const scenario of SCENARIOS) {
      const flags = ["--transport", scenario.transport, "--sessions", String(scenario.sessions), "--duration", String(DURATION_S), "--warmup", "2"];
      const perRound: Array<Partial<Record<Target, LoadResult>> & { hub: LoadResult; sdk: LoadResult }> = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const results = {} as Partial<Record<Target, LoadResult>> & { hub: LoadResult; sdk: LoadResult };
        // The raw baseline speaks Streamable HTTP only.
        for (const name of scenario.transport === "sse" ? (["hub", "sdk"] as const) : (["hub", "sdk", "raw"] as const)) {
          progress(`${scenario.transport} ×${scenario.sessions}: round ${round}/${ROUNDS}, ${name}`);
          results[name] = runLoad(targets[name].url, targets[name].pid, flags, targets[name].key);
          for (const warning of results[name]!.warnings) progress(`  warning (${name}): ${warning}`);
        }
        perRound.push(results);
      }
      const figure = (name: Target, pick: (r: LoadResult) => number) => median(perRound.map((r) => (r[name] ? pick(r[name]) : Number.NaN)));
      const ratio = (pick: (r: LoadResult) => number, over: Target) => perRound.map((r) => (r[over] ? pick(r.hub) / pick(r[over]) : Number.NaN));
      const callsPerSec = (r: LoadResult) => r.callsPerSec;
      const p99 = (r: LoadResult) => r.latencyMs.p99;
      rows.push({
        transport: scenario.transport,
        sessions: scenario.sessions,
        ...Object.fromEntries(
          (["hub", "sdk", "raw"] as const).flatMap((name) => [
            [`${name}CallsPerSec`, figure(name, callsPerSec)],
            [`${name}P50`, figure(name, (r) => r.latencyMs.p50)],
            [`${name}P99`, figure(name, p99)],
            [`${name}CpuUsPerCall`, figure(name, (r) => r.serverCpu?.usPerCall ?? NaN)],
          ]),
        ),
        hubFailed: perRound.reduce((sum, r) => sum + r.hub.failed, 0),
        hubOverSdk: { median: median(ratio(callsPerSec, "sdk")), spread: spread(ratio(callsPerSec, "sdk")) },
        hubOverRaw: { median: median(ratio(callsPerSec, "raw")), spread: spread(ratio(callsPerSec, "raw")) },
        p99HubOverSdk: { median: median(ratio(p99, "sdk")), spread: spread(ratio(p99, "sdk")) },
      });
    }

    progress(`exact-count run: ${EXACT_CALLS} calls, then compare call-log rows`);
    const before = await countCallLogs(database.url);
    const exact = runLoad(targets.hub.url, hub.pid!, ["--warmup", "0", "--requests", String(EXACT_CALLS)], key);
    let after = before;
    for (let attempt = 0; attempt < 40 && after - before < EXACT_CALLS; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await countCallLogs(database.url);
    }
    const callLog = { callsMade: exact.ok + exact.failed, failed: exact.failed, rowsWritten: after - before };

    progress(`memory: opening ${IDLE_SESSIONS} idle sessions`);
    const rssBefore = rssBytes(hub.pid!);
    const idle = await openIdleSessions(targets.hub.url, key, IDLE_SESSIONS);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rssAfter = rssBytes(hub.pid!);
    await idle.close();
    const memory = { sessions: idle.opened, rssBeforeMb: rssBefore / 2 ** 20, rssAfterMb: rssAfter / 2 ** 20, bytesPerSession: (rssAfter - rssBefore) / idle.opened };

    const report = { date: new Date().toISOString(), machine: describeMachine(), rounds: ROUNDS, durationS: DURATION_S, rows, callLog, memory };
    writeFileSync(path.join(RESULTS, "latest.json"), JSON.stringify(report, null, 2));
    const table = formatReport(report);
    writeFileSync(path.join(RESULTS, "latest.md"), table);
    process.stdout.write(table);
  } finally {
    stopAll();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await database.drop();
  }
}

function describeMachine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function formatReport(report: {
  date: string;
  machine: string;
  rounds: number;
  durationS: number;
  rows: Array<Record<string, unknown>>;
  callLog: { callsMade: number; failed: number; rowsWritten: number };
  memory: { sessions: number; bytesPerSession: number; rssBeforeMb: number; rssAfterMb: number };
}): string {
  const n = (value: unknown, digits = 0) => (typeof value === "number" && Number.isFinite(value) ? value.toFixed(digits) : "–");
  const r = (value: unknown) => {
    const { median: m, spread: s } = value as { median: number; spread: [number, number] };
    return `${n(m, 2)} (${n(s[0], 2)}–${n(s[1], 2)})`;
  };
  const lines = [
    `Measured ${report.date} on ${report.machine}; ${report.rounds} interleaved rounds of ${report.durationS} s per scenario.`,
    "",
    "| transport | sessions | hub calls/s | SDK calls/s | raw calls/s | hub p50/p99 ms | SDK p50/p99 ms | hub / SDK CPU µs per call | hub/SDK calls/s | hub/raw calls/s | hub/SDK p99 | hub failed |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...report.rows.map(
      (row) =>
        `| ${row.transport} | ${row.sessions} | ${n(row.hubCallsPerSec)} | ${n(row.sdkCallsPerSec)} | ${n(row.rawCallsPerSec)} | ${n(row.hubP50, 2)} / ${n(row.hubP99, 2)} | ${n(row.sdkP50, 2)} / ${n(row.sdkP99, 2)} | ${n(row.hubCpuUsPerCall)} / ${n(row.sdkCpuUsPerCall)} | ${r(row.hubOverSdk)} | ${r(row.hubOverRaw)} | ${r(row.p99HubOverSdk)} | ${row.hubFailed} |`,
    ),
    "",
    `Call log: ${report.callLog.callsMade} calls made (${report.callLog.failed} failed), ${report.callLog.rowsWritten} rows written.`,
    `Memory: ${report.memory.sessions} idle sessions took the hub from ${n(report.memory.rssBeforeMb, 1)} MB to ${n(report.memory.rssAfterMb, 1)} MB RSS: ${n(report.memory.bytesPerSession / 1024, 1)} KB per session.`,
    "",
  ];
  return lines.join("\n");
}

main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? error.message : String(error)}`);
  stopAll();
  process.exit(1);
});
