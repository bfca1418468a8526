import { existsSync, readFileSync, rmSync } from "node:fs";
import { openIdleSessions } from "./open-idle-sessions";

/** The hub process whose memory is measured: fresh, started with bench/memory-probe.mjs. */
export interface ProbedHub {
  url: string;
  pid: number;
  key: string;
  metricsToken: string;
  probeFile: string;
}

interface MemorySample {
  heapUsed: number;
  external: number;
  rss: number;
}

export interface IdleMemoryFigure {
  transport: "streamable" | "sse";
  sessions: number;
  /** The hub's own switchboard_active_sessions gauge for this transport, before and while open. */
  gaugeBefore: number;
  gaugeOpen: number;
  /** V8 heap + external memory after a full GC, per session: what a session keeps alive. */
  heapBytesPerSession: number;
  /** Resident set growth per session on the fresh process (pages the allocator took). */
  rssBytesPerSession: number;
  before: MemorySample;
  after: MemorySample;
}

const WARM_UP_SESSIONS = 20;

/**
 * For each transport: opens a few sessions and closes them (so code paths are loaded and JIT'd
 * before the baseline), samples memory after a forced GC, opens `count` idle sessions, checks
 * through /metrics that the hub itself counts all of them open, samples again, closes them.
 * Throws when the hub's gauge does not reach `count` (the figure would be a lie).
 */
export async function measureIdleMemory(hub: ProbedHub, count: number, transports: ReadonlyArray<"streamable" | "sse">, progress: (message: string) => void): Promise<IdleMemoryFigure[]> {
  const figures: IdleMemoryFigure[] = [];
  for (const transport of transports) {
    const warm = await openIdleSessions({ baseUrl: hub.url, key: hub.key, count: WARM_UP_SESSIONS, transport });
    await warm.close();
    const gaugeBefore = await waitForGauge(hub, transport, 0);
    const before = await sampleMemory(hub);
    progress(`memory: opening ${count} idle ${transport} sessions on a fresh hub`);
    const idle = await openIdleSessions({ baseUrl: hub.url, key: hub.key, count, transport });
    try {
      const gaugeOpen = await waitForGauge(hub, transport, count);
      const after = await sampleMemory(hub);
      figures.push({
        transport,
        sessions: idle.opened,
        gaugeBefore,
        gaugeOpen,
        heapBytesPerSession: (after.heapUsed + after.external - before.heapUsed - before.external) / idle.opened,
        rssBytesPerSession: (after.rss - before.rss) / idle.opened,
        before,
        after,
      });
    } finally {
      await idle.close();
    }
  }
  return figures;
}

/** Polls /metrics until the hub reports `expected` sessions on `transport` (10 s), else throws. */
async function waitForGauge(hub: ProbedHub, transport: string, expected: number): Promise<number> {
  const pattern = new RegExp(`^switchboard_active_sessions\\{transport="${transport}"\\} (\\d+)$`, "m");
  let seen = Number.NaN;
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const response = await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${hub.metricsToken}` } });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`/metrics answered ${response.status}: ${text.slice(0, 200)}`);
    seen = Number(pattern.exec(text)?.[1]);
    if (seen === expected) return seen;
  }
  throw new Error(`the hub's switchboard_active_sessions{transport="${transport}"} is ${seen}, expected ${expected}`);
}

/** Asks the probe for memory after a full GC (SIGUSR2) and waits for its answer. */
async function sampleMemory(hub: ProbedHub): Promise<MemorySample> {
  rmSync(hub.probeFile, { force: true });
  process.kill(hub.pid, "SIGUSR2");
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (existsSync(hub.probeFile)) {
      const { heapUsed, external, rss } = JSON.parse(readFileSync(hub.probeFile, "utf8")) as MemorySample;
      return { heapUsed, external, rss };
    }
  }
  throw new Error("the memory probe did not answer (is the hub started with bench/memory-probe.mjs?)");
}
