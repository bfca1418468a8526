/**
 * `npm run bench`: the hub's full pipeline against a bare SDK server and a raw node:http server,
 * side by side on this machine, with the load generator of ../shared/bench (see its README).
 *
 * Starts the hub in production mode on a fresh database (Redis when REDIS_URL is set), mints a
 * key through the CLI, measures idle-session memory on a second, fresh hub process, starts both
 * baselines, runs every scenario of bench-scenarios.ts in interleaved rounds, checks that
 * call-log rows equal calls made, and checks its own figures (sessions open, no failed calls,
 * a quiet machine). Prints a table and writes bench/results/latest.{json,md}.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { createTestDatabase } from "@/test/helpers/test-database";
import { BENCH_READ_FILE, BENCH_SCENARIOS, type BenchTargetName } from "./bench-scenarios";
import { formatBenchReport, type BenchReport } from "./format-bench-report";
import { measureIdleMemory } from "./measure-idle-memory";
import { runLoad, type BenchTarget } from "./run-load";
import { runScenario } from "./run-scenario";

const ROOT = path.resolve(import.meta.dirname, "..");
/** The shared kit beside the checkout (a worktree sits one folder deeper); BENCH_KIT overrides. */
const KIT_SOURCE = process.env.BENCH_KIT ?? ["../shared/bench", "../../shared/bench"].map((relative) => path.resolve(ROOT, relative)).find((candidate) => existsSync(candidate)) ?? path.resolve(ROOT, "../shared/bench");
const KIT = path.join(ROOT, "bench/.kit");
const RESULTS = path.join(ROOT, "bench/results");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const WARMUP_S = 2;
const IDLE_SESSIONS = Number(process.env.BENCH_IDLE_SESSIONS ?? 2000);
/** Comma-separated scenario ids to run (default: all). */
const ONLY = process.env.BENCH_SCENARIOS?.split(",").filter(Boolean);
const EXACT_CALLS = 5000;
const MAX_SPREAD = 0.25;
const MAX_RERUNS = 2;
const MAX_OTHER_CORES = 0.15;
/** The kit's README: load generator on one CPU, each single-threaded server on the other. */
const PIN = process.env.BENCH_PIN !== "0" && os.cpus().length >= 2 && hasTaskset() ? { loadgen: "0", servers: "1" } : undefined;

const children: ChildProcess[] = [];

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["-p", String(process.pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function prepareKit(): void {
  if (!existsSync(path.join(KIT, "node_modules"))) {
    progress("installing the load-generator kit (bench/.kit)");
    cpSync(KIT_SOURCE, KIT, { recursive: true, filter: (source) => !source.includes("node_modules") });
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--silent"], { cwd: KIT, stdio: "inherit" });
  }
}

function startProcess(name: string, args: string[], env: Record<string, string> = {}, cpu = PIN?.servers): ChildProcess {
  const [command, commandArgs] = cpu ? ["taskset", ["-c", cpu, "node", ...args]] : ["node", args];
  // taskset execs node, so the child's pid is the server's (the load generator's --pid).
  const child = spawn(command, commandArgs, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  child.on("exit", (code) => {
    if (code && code !== 0 && !shuttingDown) progress(`${name} exited with ${code}: ${stderr.trim().split("\n").pop()}`);
  });
  children.push(child);
  return child;
}

/** Moves every server (all its threads) to its CPU for the next scenario: the servers' CPU, or the load generator's for `beside`. */
function placeServers(targets: Record<BenchTargetName, BenchTarget>, beside: readonly BenchTargetName[], pin: { loadgen: string; servers: string }): void {
  for (const [name, target] of Object.entries(targets) as Array<[BenchTargetName, BenchTarget]>) {
    execFileSync("taskset", ["-a", "-p", "-c", beside.includes(name) ? pin.loadgen : pin.servers, String(target.pid)], { stdio: "ignore" });
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
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

/**
 * The processes working for the hub: the Postgres backends on the bench database, Postgres's
 * WAL and background writers, and Redis (when REDIS_URL is set). At thousands of calls a second
 * they use a fifth of a core or more, which the load generator counts as other processes.
 */
async function listHubServicePids(databaseUrl: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE (datname = current_database() AND pid <> pg_backend_pid()) OR backend_type IN ('walwriter', 'background writer', 'checkpointer')`,
    );
    return [...rows.map((row) => row.pid), ...(process.env.REDIS_URL ? [await redisPid(process.env.REDIS_URL)] : [])];
  } finally {
    await client.end();
  }
}

async function redisPid(url: string): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    return Number(/process_id:(\d+)/.exec(await redis.info("server"))?.[1]);
  } finally {
    redis.disconnect();
  }
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

/** The call-log count once the hub's batched writer has flushed what earlier scenarios left. */
async function settledCallLogCount(databaseUrl: string): Promise<number> {
  let previous = await countCallLogs(databaseUrl);
  for (let attempt = 0; attempt < 40; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const count = await countCallLogs(databaseUrl);
    if (count === previous) return count;
    previous = count;
  }
  throw new Error("the call log kept growing with no load running");
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

/** BENCH_HUB_CPU_PROF=DIR: the measured hub writes a V8 CPU profile there as it stops (Node refuses --cpu-prof in NODE_OPTIONS). */
const HUB_PROFILE_ARGS = process.env.BENCH_HUB_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_HUB_CPU_PROF)}`] : [];
/** As `npm start` runs the hub (package.json). */
const HUB_ARGS = ["--import", "tsx", "mcp/server/start-hub.ts"];

async function main(): Promise<void> {
  prepareKit();
  mkdirSync(RESULTS, { recursive: true });
  // SWITCHBOARD_CONSOLE=off (quick iterations) serves MCP only and needs no console build.
  if (process.env.SWITCHBOARD_CONSOLE !== "off" && !existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    progress("building the console (next build), once");
    execFileSync("npx", ["next", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const scenarios = BENCH_SCENARIOS.filter((scenario) => !ONLY || ONLY.includes(scenario.id));
  progress("creating a fresh database");
  const database = await createTestDatabase();
  const dataDir = path.join(os.tmpdir(), `switchboard-bench-${process.pid}`);
  const workspaceRoot = path.join(dataDir, "workspace");
  mkdirSync(workspaceRoot, { recursive: true });
  writeFileSync(path.join(workspaceRoot, BENCH_READ_FILE.path), BENCH_READ_FILE.content);
  const metricsToken = randomBytes(24).toString("hex");
  const hubEnv = {
    DATABASE_URL: database.url,
    SWITCHBOARD_DATA_DIR: dataDir,
    SWITCHBOARD_WORKSPACE_ROOT: workspaceRoot,
    SWITCHBOARD_SESSION_TTL_SECONDS: "3600",
    SWITCHBOARD_METRICS_TOKEN: metricsToken,
    // One key opens every benchmark session, the 2,000 idle ones included.
    SWITCHBOARD_MAX_SESSIONS_PER_KEY: String(IDLE_SESSIONS + 1000),
    SWITCHBOARD_MAX_SESSIONS_PER_USER: String(IDLE_SESSIONS + 1000),
    SWITCHBOARD_MAX_SESSIONS: String(Math.max(20_000, 2 * (IDLE_SESSIONS + 1000))),
    LOG_LEVEL: "warn",
  };
  try {
    // The first user is an admin: every tool (read_file included) without grants.
    runCli(["user", "create", "--email", "bench@example.com", "--password", "bench-password-123"], hubEnv);
    const key = runCli(["key", "create", "--email", "bench@example.com", "--name", "bench", "--rate-limit", "1000000/1m"], hubEnv);
    const headers = [`Authorization: Bearer ${key}`];

    // Memory first, on a hub of its own that has served nothing: a hub after load keeps the heap
    // the load grew, and new sessions fit in pages already resident.
    const memoryPort = await freePort();
    const probeFile = path.join(dataDir, "memory-probe.json");
    progress(`starting a fresh hub on :${memoryPort} to measure idle sessions`);
    const memoryHub = startProcess("memory hub", ["--expose-gc", "--import", "./bench/memory-probe.mjs", ...HUB_ARGS], { ...hubEnv, PORT: String(memoryPort), BENCH_MEMORY_PROBE_FILE: probeFile });
    await waitForHttp(`http://127.0.0.1:${memoryPort}/api/health`);
    const memory = await measureIdleMemory({ url: `http://127.0.0.1:${memoryPort}`, pid: memoryHub.pid!, key, metricsToken, probeFile }, IDLE_SESSIONS, ["streamable", "sse"], progress);
    await stopProcess(memoryHub);

    const [hubPort, sdkPort, rawPort, sdkStatelessPort, sdkUpstreamPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
    progress(`starting the hub on :${hubPort} (Redis: ${process.env.REDIS_URL ? "on" : "off"}) and both baselines${PIN ? `, pinned to CPU ${PIN.servers} (load generator on ${PIN.loadgen})` : ""}`);
    const hub = startProcess("hub", [...HUB_PROFILE_ARGS, ...HUB_ARGS], { ...hubEnv, PORT: String(hubPort) });
    const sdk = startProcess("sdk baseline", [path.join(KIT, "baseline-sdk-server.mjs"), "--port", String(sdkPort)]);
    const raw = startProcess("raw baseline", [path.join(KIT, "baseline-raw-server.mjs"), "--port", String(rawPort)]);
    const sdkStateless = startProcess("stateless sdk baseline", [path.join(ROOT, "bench/baseline-stateless-sdk-server.mjs"), "--port", String(sdkStatelessPort)]);
    // The proxied rows' upstream: an SDK server of its own (see PROXIED_PLACEMENT for where it runs).
    const sdkUpstream = startProcess("upstream sdk server", [path.join(KIT, "baseline-sdk-server.mjs"), "--port", String(sdkUpstreamPort)]);
    await Promise.all([
      waitForHttp(`http://127.0.0.1:${sdkUpstreamPort}/stats`),
      waitForHttp(`http://127.0.0.1:${sdkStatelessPort}/stats`),
      waitForHttp(`http://127.0.0.1:${hubPort}/api/health`),
      waitForHttp(`http://127.0.0.1:${sdkPort}/stats`),
      waitForHttp(`http://127.0.0.1:${rawPort}/stats`),
    ]);

    const targets: Record<BenchTargetName, BenchTarget> = {
      hub: { url: `http://127.0.0.1:${hubPort}`, pid: hub.pid!, headers },
      sdk: { url: `http://127.0.0.1:${sdkPort}`, pid: sdk.pid!, headers: [] },
      raw: { url: `http://127.0.0.1:${rawPort}`, pid: raw.pid!, headers: [] },
      sdkStateless: { url: `http://127.0.0.1:${sdkStatelessPort}`, pid: sdkStateless.pid!, headers: [] },
      sdkUpstream: { url: `http://127.0.0.1:${sdkUpstreamPort}`, pid: sdkUpstream.pid!, headers: [] },
    };
    const environment = { targets, key, runCli: (args: string[]) => runCli(args, hubEnv) };
    const results = [];
    for (const scenario of scenarios) {
      await scenario.prepare?.(environment);
      if (PIN) placeServers(targets, scenario.besideLoadGenerator ?? [], PIN);
      const hubServicePids = await listHubServicePids(database.url);
      results.push(runScenario(scenario, { kitDir: KIT, targets, rounds: ROUNDS, durationS: DURATION_S, warmupS: WARMUP_S, maxSpread: MAX_SPREAD, maxReruns: MAX_RERUNS, maxOtherCores: MAX_OTHER_CORES, loadgenCpu: PIN?.loadgen, progress, hubServicePids }));
    }
    if (PIN) placeServers(targets, [], PIN);

    progress(`exact-count run: ${EXACT_CALLS} calls, then compare call-log rows`);
    const before = await settledCallLogCount(database.url);
    const exact = runLoad(KIT, targets.hub, ["--warmup", "0", "--requests", String(EXACT_CALLS)], PIN?.loadgen);
    let after = before;
    for (let attempt = 0; attempt < 40 && after - before < EXACT_CALLS; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await countCallLogs(database.url);
    }
    const callLog = { callsMade: exact.ok + exact.failed, failed: exact.failed, rowsWritten: after - before };

    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: describeMachine(),
      pinned: PIN ? `load generator on CPU ${PIN.loadgen}, each server on CPU ${PIN.servers} but the proxied rows' hub, beside the load generator` : "no",
      rounds: ROUNDS,
      durationS: DURATION_S,
      maxSpread: MAX_SPREAD,
      maxOtherCores: MAX_OTHER_CORES,
      scenarios: results,
      callLog,
      memory,
    };
    writeFileSync(path.join(RESULTS, "latest.json"), JSON.stringify(report, null, 2));
    const { text, problems } = formatBenchReport(report);
    writeFileSync(path.join(RESULTS, "latest.md"), text);
    process.stdout.write(text);
    // The figures contradict themselves: say so in the exit status, not only in the table.
    if (problems > 0) process.exitCode = 1;
  } finally {
    stopAll();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function describeMachine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? error.message : String(error)}`);
  stopAll();
  process.exit(1);
});
