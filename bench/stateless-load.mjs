#!/usr/bin/env node
// stateless-load.mjs — closed-loop load for MCP 2026-07-28 (stateless) servers over HTTP.
//
// The shared kit's mcp-load.mjs speaks the session eras only (initialize, Mcp-Session-Id). This
// one sends what 2026-07-28 asks of every POST: the per-request _meta envelope and the
// MCP-Protocol-Version / Mcp-Method / Mcp-Name headers, with no session. N workers each run one
// tools/call at a time, back to back, over keep-alive node:http sockets (no SDK or fetch in the
// hot path, to keep the generator's own CPU low). Its --json report has the fields the bench
// reads from mcp-load.mjs (bench/run-load.ts LoadResult), so both plug into the same rounds.
//
//   node bench/stateless-load.mjs --url http://127.0.0.1:3900 [--path /mcp] [--header 'Authorization: Bearer KEY']...
//        [--sessions 20] [--duration 10 | --requests N] [--warmup 2] [--tool echo] [--args '{"message":"hello"}']
//        [--timeout 10000] [--pid SERVER_PID]... [--json]
// (--transport is accepted and ignored, so the bench passes the same flags to both generators.)
import { Agent, request } from "node:http";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const REVISION = "2026-07-28";
const { values: opt } = parseArgs({
  options: {
    url: { type: "string" },
    path: { type: "string", default: "/mcp" },
    transport: { type: "string" },
    header: { type: "string", multiple: true, default: [] },
    sessions: { type: "string", default: "20" },
    duration: { type: "string", default: "10" },
    requests: { type: "string" },
    warmup: { type: "string", default: "2" },
    tool: { type: "string", default: "echo" },
    args: { type: "string", default: '{"message":"hello"}' },
    timeout: { type: "string", default: "10000" },
    pid: { type: "string", multiple: true, default: [] },
    json: { type: "boolean", default: false },
  },
});
if (!opt.url) {
  console.error("stateless-load: --url is required");
  process.exit(2);
}
const target = new URL(opt.path, opt.url);
const WORKERS = Math.max(1, Number(opt.sessions));
const DURATION_MS = Number(opt.duration) * 1000;
const WARMUP_MS = Number(opt.warmup) * 1000;
const REQUESTS = opt.requests === undefined ? 0 : Number(opt.requests);
const TIMEOUT_MS = Number(opt.timeout);
const toolArgs = JSON.parse(opt.args);

const baseHeaders = { "Content-Type": "application/json", Accept: "application/json, text/event-stream", "MCP-Protocol-Version": REVISION, "Mcp-Method": "tools/call", "Mcp-Name": opt.tool };
for (const line of opt.header) {
  const colon = line.indexOf(":");
  baseHeaders[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
}
const agent = new Agent({ keepAlive: true, maxSockets: WORKERS });
const meta = { "io.modelcontextprotocol/protocolVersion": REVISION, "io.modelcontextprotocol/clientInfo": { name: "stateless-load", version: "0.1.0" }, "io.modelcontextprotocol/clientCapabilities": {} };

let nextId = 1;
/** One tools/call; resolves with whether it succeeded (a complete, non-error result). */
function callOnce() {
  const body = JSON.stringify({ jsonrpc: "2.0", id: nextId++, method: "tools/call", params: { name: opt.tool, arguments: toolArgs, _meta: meta } });
  return new Promise((resolve) => {
    const req = request(target, { method: "POST", agent, headers: { ...baseHeaders, "Content-Length": Buffer.byteLength(body) }, timeout: TIMEOUT_MS }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => {
        if (res.statusCode !== 200) return resolve(`http_${res.statusCode}`);
        let text = Buffer.concat(chunks).toString("utf8");
        // An event-stream answer carries the response on its last data line.
        if (text.startsWith("event:") || text.startsWith("data:")) text = text.split("\n").filter((line) => line.startsWith("data: ")).pop()?.slice(6) ?? "";
        try {
          const message = JSON.parse(text);
          if (message.error) return resolve("jsonrpc");
          resolve(message.result && !message.result.isError ? "ok" : "tool_error");
        } catch {
          resolve("protocol");
        }
      });
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error) => resolve(error.message === "timeout" ? "timeout" : "network"));
    req.end(body);
  });
}

/** CPU ticks (user + system) of a process, from /proc. */
function cpuTicks(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return Number.NaN;
  }
}
/**
 * Machine-wide ticks: `busy` is time in processes (user + nice + system), as mcp-load.mjs counts
 * it. Interrupt time (the loopback traffic's softirq, about 0.3 cores at 5,000 calls/s) and steal
 * belong to no process, so counting them made the load look like "other processes".
 */
function machineTicks() {
  const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const numbers = values.map(Number);
  return { busy: numbers[0] + numbers[1] + numbers[2], total: numbers.reduce((a, b) => a + b, 0) };
}
const TICK_US = 1e6 / 100;

const latencies = [];
const errors = {};
let ok = 0;
let failed = 0;
let started = 0;
let measuring = false;
const startAt = performance.now();
const windowStart = startAt + (REQUESTS ? 0 : WARMUP_MS);
const windowEnd = REQUESTS ? Number.POSITIVE_INFINITY : windowStart + DURATION_MS;
let cpuStart = [];
let machineStart;
let selfStart;
let measuredFrom = windowStart;

function beginWindow() {
  measuring = true;
  measuredFrom = performance.now();
  cpuStart = opt.pid.map(cpuTicks);
  machineStart = machineTicks();
  selfStart = process.cpuUsage();
}
if (WARMUP_MS === 0 || REQUESTS) beginWindow();
else setTimeout(beginWindow, WARMUP_MS);

async function worker() {
  for (;;) {
    if (REQUESTS ? started >= REQUESTS : performance.now() >= windowEnd) return;
    if (REQUESTS) started++;
    const sentAt = performance.now();
    const outcome = await callOnce();
    const doneAt = performance.now();
    if (!measuring || doneAt > windowEnd || sentAt < measuredFrom) continue;
    if (outcome === "ok") {
      ok++;
      latencies.push(doneAt - sentAt);
    } else {
      failed++;
      errors[outcome] = (errors[outcome] ?? 0) + 1;
    }
  }
}

// CPU is read when the window closes, not when the last call in flight has drained after it.
let windowClosed;
function closeWindow() {
  windowClosed ??= { at: performance.now(), server: opt.pid.map(cpuTicks), machine: machineTicks(), self: process.cpuUsage(selfStart) };
}
if (!REQUESTS) setTimeout(closeWindow, windowEnd - performance.now());
await Promise.all(Array.from({ length: WORKERS }, worker));
closeWindow();
const elapsedMs = windowClosed.at - measuredFrom;
const serverTicks = opt.pid.reduce((sum, pid, index) => sum + (windowClosed.server[index] - cpuStart[index]), 0);
const machineEnd = windowClosed.machine;
const self = windowClosed.self;
const selfCores = (self.user + self.system) / 1000 / elapsedMs;
const machineCores = ((machineEnd.busy - machineStart.busy) / Math.max(1, machineEnd.total - machineStart.total)) * (await import("node:os")).cpus().length;
const serverCores = (serverTicks * TICK_US) / 1000 / elapsedMs;
latencies.sort((a, b) => a - b);
const percentile = (p) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 100) / 100 : 0);
const warnings = [];
if (selfCores > 0.9) warnings.push(`load generator used ${selfCores.toFixed(2)} cores: it may be the bottleneck`);
const report = {
  generator: "stateless-load",
  sessions: WORKERS,
  // Stateless: nothing to open; every worker that ran counts.
  sessionsOpened: WORKERS,
  ok,
  failed,
  callsPerSec: Math.round((ok / elapsedMs) * 1000 * 10) / 10,
  latencyMs: { p50: percentile(0.5), p99: percentile(0.99) },
  serverCpu: opt.pid.length ? { usPerCall: ok ? Math.round((serverTicks * TICK_US) / ok) : null } : undefined,
  machineCpu: { otherCores: Math.max(0, Math.round((machineCores - selfCores - serverCores) * 100) / 100) },
  warnings,
  errors,
};
agent.destroy();
if (opt.json) console.log(JSON.stringify(report));
else console.log(`${report.callsPerSec} calls/s, p50 ${report.latencyMs.p50} ms, p99 ${report.latencyMs.p99} ms, ok ${ok}, failed ${failed}${report.serverCpu ? `, server ${report.serverCpu.usPerCall} µs CPU/call` : ""}`);
process.exit(ok > 0 ? 0 : 1);
