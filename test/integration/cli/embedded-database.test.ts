import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { isProcessAlive } from "@/lib/db/is-process-alive";
import { buildChildEnv } from "@/test/integration/cli/build-child-env";
import { runSb } from "@/test/integration/cli/run-sb";

// The embedded Postgres lifecycle across processes, on a private data folder: first start,
// a hub owning the server, the CLI joining it, a second hub refused, recovery after a hard kill.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "sb-embedded-"));
const env = { DATABASE_URL: undefined, SWITCHBOARD_DATA_DIR: dataDir };
const sb = (...args: string[]) => runSb(args, env);
const children: ChildProcess[] = [];

after(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  const pid = postmasterPid();
  if (pid) process.kill(pid, "SIGINT");
  rmSync(dataDir, { recursive: true, force: true });
});

function postmasterPid(): number | undefined {
  const file = path.join(dataDir, "pg", "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0], 10);
  return isProcessAlive(pid) ? pid : undefined;
}

function startHub(): Promise<{ child: ChildProcess; ready: boolean; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/integration/cli/fixtures/hold-embedded-database.ts"], {
    env: buildChildEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) resolve({ child, ready: true, output });
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", () => resolve({ child, ready: false, output }));
  });
}

test("first CLI run initialises the embedded database, keeps a private password file, and stops it", async () => {
  const result = await sb("user", "create", "--email", "root@example.com", "--password", "a-long-password");
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /Initialising the embedded Postgres/);
  const credentials = path.join(dataDir, "pg-credentials.json");
  assert.equal(statSync(credentials).mode & 0o777, 0o600);
  const { port, password } = JSON.parse(readFileSync(credentials, "utf8"));
  assert.ok(port > 0 && password.length >= 24);
  assert.equal(postmasterPid(), undefined, "the CLI stops the server it started");
  assert.equal(existsSync(path.join(dataDir, "pg-owner.json")), false);

  const again = await sb("user", "create", "--email", "root@example.com", "--password", "a-long-password");
  assert.equal(again.code, 1);
  assert.match(again.stderr, /sb: A user with email root@example.com already exists/, "data persisted across restarts, same port");
  assert.equal(JSON.parse(readFileSync(credentials, "utf8")).port, port);
});

test("with a hub running, the CLI joins its server and a second hub is refused", async () => {
  const hub = await startHub();
  assert.ok(hub.ready, hub.output);
  const second = await startHub();
  assert.equal(second.ready, false);
  assert.equal(
    second.output.trim(),
    `Another Switchboard hub (pid ${hub.child.pid}) is already running on data folder ${dataDir}: stop it first, or set SWITCHBOARD_DATA_DIR to another folder.`,
  );
  const created = await sb("key", "create", "--email", "root@example.com", "--name", "while-hub-runs");
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stderr, new RegExp(`Using the embedded Postgres of the running hub \\(pid ${hub.child.pid}\\)`));
  assert.match(created.stdout, /^sb_[0-9A-Za-z]{38}\n$/);
  assert.ok(postmasterPid(), "the hub's server keeps running after the CLI exits");

  hub.child.kill("SIGKILL");
  await new Promise((resolve) => hub.child.once("close", resolve));
  const orphan = postmasterPid();
  assert.ok(orphan, "a hard-killed hub leaves its postmaster behind");

  const listed = await sb("key", "list", "--email", "root@example.com");
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stderr, new RegExp(`Stopping an orphaned embedded Postgres \\(pid ${orphan}\\)`));
  assert.match(listed.stdout, /while-hub-runs\s+active/);
  assert.equal(postmasterPid(), undefined);
});

test("a busy port is one clear line", async () => {
  const { port } = JSON.parse(readFileSync(path.join(dataDir, "pg-credentials.json"), "utf8"));
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
  try {
    const result = await sb("migrate");
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr.trim(),
      `sb: Port ${port} of the embedded Postgres (set in ${path.join(dataDir, "pg-credentials.json")}) is used by another program: stop it, or change "port" in that file.`,
    );
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});

test("records left by a reboot naming reused pids are ignored, and unrelated processes are not signalled", async () => {
  assert.equal(postmasterPid(), undefined);
  // This very test process stands in for "whatever now has that pid": it must not be signalled.
  writeFileSync(path.join(dataDir, "pg", "postmaster.pid"), `${process.pid}\n${path.join(dataDir, "pg")}\n`);
  writeFileSync(path.join(dataDir, "pg-owner.json"), JSON.stringify({ pid: process.pid, kind: "hub", startedAt: "2000-01-01T00:00:00Z", startTicks: "1" }));
  const result = await sb("migrate");
  assert.equal(result.code, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /orphaned|running hub/);
  assert.match(result.stderr, /Starting the embedded Postgres/);
  assert.equal(existsSync(path.join(dataDir, "pg-owner.json")), false);
});
