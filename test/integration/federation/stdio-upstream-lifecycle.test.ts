// What becomes of a stdio upstream's processes, end to end: a real hub starts the tests' own
// spawning upstream (which leaves a SIGTERM-ignoring grandchild behind, and records the pids of
// both at every start), and the real CLI adds, edits and removes it. Each test looks at the
// processes themselves (/proc), and at the restart times the upstream recorded.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { getPrisma } from "@/lib/db/prisma";
import { eventually } from "@/test/helpers/eventually";
import { isStillRunning, readProcessStat, type ProcessStat } from "@/test/helpers/read-process-stat";
import type { TestHub } from "@/test/helpers/start-test-hub";
import type { TestDatabase } from "@/test/helpers/test-database";
import { runSbOk } from "@/test/integration/cli/run-sb-ok";
import { startAdminHub } from "@/test/integration/federation/start-admin-hub";
import { toolResultText } from "@/test/integration/federation/tool-result-text";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FIXTURE = path.join(import.meta.dirname, "spawning-upstream.ts");
const SECRET_KEY = "stdio-lifecycle-test-secret-key-0123456789";
/** Reconnect delays the pool promises: 0.5 s doubling (to 30 s), reset by a successful connect. */
const FIRST_RETRY_MS = 500;

interface StartRecord {
  pid: number;
  args: string[];
  at: number;
  helper: number | null;
}

let database: TestDatabase;
let hub: TestHub;
let client: Client;
let stopHub: (() => Promise<void>) | undefined;
let folder: string;

const sbOk = (...args: string[]) => runSbOk(args, { DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: SECRET_KEY });
/** `server add`/`edit` settings that start the fixture recording into `records`, with more arguments after. */
const fixtureSettings = (records: string, command = process.execPath, ...extra: string[]) => ["--command", command, "--arg", "--import", "--arg", "tsx", "--arg", FIXTURE, "--arg", records, ...extra.flatMap((arg) => ["--arg", arg]), "--cwd", ROOT];
const startsIn = (records: string): StartRecord[] => {
  const file = path.join(records, "starts.jsonl");
  return existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line) as StartRecord) : [];
};
const callWhoami = (server: string) => client.callTool({ name: `${server}__whoami`, arguments: {} }) as Promise<CallToolResult>;
/** The pid of the process the hub's pooled connection to `server` talks to, once it answers (and differs from `not`). */
async function eventuallyWhoami(server: string, not?: number): Promise<number> {
  let pid = 0;
  await eventually(`${server} to answer whoami`, async () => {
    const result = await callWhoami(server);
    pid = result.isError ? 0 : Number(toolResultText(result));
    return pid > 0 && pid !== not;
  }, 40_000);
  return pid;
}
const statusOf = (name: string) => getPrisma().upstreamServer.findUniqueOrThrow({ where: { name }, select: { status: true, lastError: true } });

// Each pid's /proc identity at first sight: a pid seen again later with another start time is
// another process (pids are reused), and the one recorded is gone.
const firstSeen = new Map<number, ProcessStat | undefined>();
function running(pid: number): boolean {
  if (!firstSeen.has(pid)) firstSeen.set(pid, readProcessStat(pid));
  const stat = firstSeen.get(pid);
  return stat !== undefined && isStillRunning(pid, stat);
}
/** Every upstream and helper process ever recorded in `records` that still runs, sorted. */
const runningIn = (records: string) =>
  startsIn(records)
    .flatMap((start) => [start.pid, start.helper ?? 0])
    .filter((pid) => pid > 0 && running(pid))
    .sort((a, b) => a - b);
const helperOf = (records: string, pid: number) => startsIn(records).find((start) => start.pid === pid)?.helper ?? 0;

before(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "sb-stdio-lifecycle-"));
  ({ database, hub, client, stop: stopHub } = await startAdminHub(SECRET_KEY));
});

after(async () => {
  await stopHub?.();
  // Whatever a failed test left running must not outlive the run.
  for (const pid of readdirSync(folder).flatMap((records) => runningIn(path.join(folder, records)))) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Gone meanwhile.
    }
  }
  rmSync(folder, { recursive: true, force: true });
});

describe("a stdio upstream's processes, and what they spawn, are stopped with it", { timeout: 180_000 }, () => {
  const records = () => path.join(folder, "spawner");
  before(async () => {
    mkdirSync(records());
    await sbOk("server", "add", "spawner", ...fixtureSettings(records()));
  });

  test("it runs in a process group of its own, with its helper; the CLI's connection check left nothing behind", async () => {
    const pid = await eventuallyWhoami("spawner");
    const helper = helperOf(records(), pid);
    assert.ok(helper > 0, "the upstream recorded its helper");
    assert.equal(readProcessStat(pid)?.processGroup, pid, "the upstream leads a process group");
    assert.notEqual(readProcessStat(hub.process.pid as number)?.processGroup, pid, "not the hub's");
    assert.equal(readProcessStat(helper)?.processGroup, pid, "its helper is in its group");
    // `server add` connected from the CLI's own process first (2 starts recorded in all).
    assert.equal(startsIn(records()).length, 2);
    await eventually("only the hub's upstream and its helper to run", async () => runningIn(records()).join() === [pid, helper].sort((a, b) => a - b).join(), 10_000);
  });

  test("when it dies by itself, its helper is stopped too, and it is restarted", async () => {
    const pid = await eventuallyWhoami("spawner");
    const helper = helperOf(records(), pid);
    assert.ok(running(helper));
    process.kill(pid, "SIGKILL");
    const restarted = await eventuallyWhoami("spawner", pid);
    await eventually("the dead upstream's helper to be stopped", async () => !running(helper), 10_000);
    assert.deepEqual(runningIn(records()), [restarted, helperOf(records(), restarted)].sort((a, b) => a - b));
  });

  test("an edit of its command and arguments stops the old processes; the new settings run", async () => {
    const old = runningIn(records());
    assert.equal(old.length, 2, "the upstream and its helper");
    await sbOk("server", "edit", "spawner", ...fixtureSettings(records(), "node", "edited"));
    await eventually("the old upstream and its helper to be stopped", async () => old.every((pid) => !running(pid)), 15_000);
    // A server pointed at another command is a new upstream: its tools wait for approval.
    await sbOk("server", "approve", "spawner");
    const pid = await eventuallyWhoami("spawner");
    assert.deepEqual(startsIn(records()).find((start) => start.pid === pid)?.args, [records(), "edited"]);
    await eventually("only the new upstream and its helper to run", async () => runningIn(records()).join() === [pid, helperOf(records(), pid)].sort((a, b) => a - b).join(), 10_000);
  });

  test("server remove stops it and its helper", async () => {
    assert.equal(runningIn(records()).length, 2);
    await sbOk("server", "remove", "spawner");
    await eventually("every process it started to be stopped", async () => runningIn(records()).length === 0, 15_000);
  });
});

describe("a stdio upstream that exits at once is restarted with growing delays, reset by a successful connect", { timeout: 180_000 }, () => {
  const records = () => path.join(folder, "looping");
  const crashFile = () => path.join(records(), "crash");
  /** The crash-loop starts recorded after `since`, once there are `count` of them: their times. */
  async function crashStartsAfter(since: number, count: number): Promise<number[]> {
    let times: number[] = [];
    await eventually(`${count} restarts`, async () => (times = startsIn(records()).filter((start) => start.helper === null && start.at > since).map((start) => start.at)).length >= count, 60_000);
    return times.slice(0, count);
  }
  before(async () => {
    mkdirSync(records());
    await sbOk("server", "add", "looping", ...fixtureSettings(records()));
  });

  test("the waits between restarts double: each gap is at least its delay (0.5 s, 1 s, 2 s, 4 s), and the status says why", async () => {
    const pid = await eventuallyWhoami("looping");
    writeFileSync(crashFile(), "");
    const killedAt = Date.now();
    process.kill(pid, "SIGKILL");
    const times = await crashStartsAfter(killedAt, 4);
    const gaps = [times[0] - killedAt, ...times.slice(1).map((time, index) => time - times[index])];
    // A restart waits its delay plus the time to spawn and die: the delays are lower bounds (timers
    // never fire early), so no timing on a busy machine makes this pass when the backoff is gone.
    gaps.forEach((gap, index) => assert.ok(gap >= FIRST_RETRY_MS * 2 ** index * 0.95, `gap ${index + 1} of ${gaps.join(", ")} ms is under ${FIRST_RETRY_MS * 2 ** index} ms`));
    const status = await statusOf("looping");
    assert.equal(status.status, "failing");
    assert.match(status.lastError ?? "", /process exited \(code 1\)|Connection closed/);
  });

  test("once it starts cleanly, the next crash is retried after 0.5 s again", async () => {
    unlinkSync(crashFile());
    // The next attempt comes 8 s after the last (the delay doubled four times).
    const pid = await eventuallyWhoami("looping");
    await eventually("the status row to say connected", async () => (await statusOf("looping")).status === "connected");
    writeFileSync(crashFile(), "");
    const killedAt = Date.now();
    process.kill(pid, "SIGKILL");
    const [first, second] = await crashStartsAfter(killedAt, 2);
    // Without the reset these would come no sooner than 16 s and 30 s (timers never fire early):
    // bounds well under those leave a busy machine seconds to spawn each restart.
    assert.ok(first - killedAt < 15_000, `first restart after ${first - killedAt} ms`);
    assert.ok(second - first >= FIRST_RETRY_MS * 2 * 0.95 && second - first < 15_000, `second restart ${second - first} ms after the first`);
    await sbOk("server", "remove", "looping");
  });
});

describe("SIGTERM to the hub stops its stdio upstreams and what they spawned", { timeout: 120_000 }, () => {
  test("the upstream and its helper are gone once the hub has exited", async () => {
    const records = path.join(folder, "at-shutdown");
    mkdirSync(records);
    await sbOk("server", "add", "stopping", ...fixtureSettings(records));
    const pid = await eventuallyWhoami("stopping");
    const helper = helperOf(records, pid);
    assert.ok(running(pid) && running(helper));
    await client.close();
    assert.equal(await hub.stop(), 0);
    await eventually("every process it started to be stopped", async () => runningIn(records).length === 0, 5000);
  });
});
