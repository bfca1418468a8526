import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { runCommand } from "@/lib/command-tools/run-command";

const cwd = mkdtempSync(path.join(os.tmpdir(), "sb-cmd-"));
after(() => rmSync(cwd, { recursive: true, force: true }));

const node = (script: string, options: { timeoutMs?: number; maxOutputBytes?: number } = {}) => ({
  argv: [process.execPath, "-e", script],
  cwd,
  timeoutMs: options.timeoutMs ?? 10_000,
  maxOutputBytes: options.maxOutputBytes ?? 65_536,
});

test("returns exit code and interleaved output", async () => {
  const result = await runCommand(node("console.log('out'); console.error('err'); process.exit(3)"));
  assert.equal(result.exitCode, 3);
  assert.match(result.output, /out/);
  assert.match(result.output, /err/);
  assert.equal(result.truncated, false);
  assert.equal(result.timedOut, false);
});

test("cuts output at the cap", async () => {
  const result = await runCommand(node("process.stdout.write('x'.repeat(200000))", { maxOutputBytes: 1024 }));
  assert.equal(result.output.length, 1024);
  assert.equal(result.truncated, true);
  assert.equal(result.exitCode, 0);
});

test("kills the whole process group on timeout, grandchildren included", async () => {
  // The child forks a grandchild that would keep the pipe open for a minute if left alive.
  const script = `require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'inherit' }); setTimeout(() => {}, 60000);`;
  const started = Date.now();
  const result = await runCommand(node(script, { timeoutMs: 500 }));
  assert.equal(result.timedOut, true);
  assert.equal(result.exitCode, null);
  assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
});

test("kills on abort", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 200);
  const result = await runCommand(node("setTimeout(() => {}, 60000)"), controller.signal);
  assert.equal(result.aborted, true);
  assert.equal(result.timedOut, false);
});

test("passes a minimal environment: no hub secrets reach the command", async () => {
  process.env.SB_TEST_SECRET = "should-not-leak";
  const result = await runCommand(node("console.log(JSON.stringify(Object.keys(process.env).sort()))"));
  delete process.env.SB_TEST_SECRET;
  const names: string[] = JSON.parse(result.output);
  assert.equal(names.includes("SB_TEST_SECRET"), false);
  assert.equal(names.includes("DATABASE_URL"), false);
  assert.ok(names.includes("PATH"));
});

test("never runs a shell: metacharacters reach the program as one argument", async () => {
  const result = await runCommand({ ...node("console.log(JSON.stringify(process.argv.slice(1)))"), argv: [process.execPath, "-e", "console.log(JSON.stringify(process.argv.slice(1)))", "a; echo pwned", "$(id)"] });
  assert.deepEqual(JSON.parse(result.output), ["a; echo pwned", "$(id)"]);
});

test("a missing program is a clear HubError, not a crash", async () => {
  await assert.rejects(runCommand({ ...node(""), argv: ["sb-no-such-program-xyz"] }), {
    name: "HubError",
    code: "internal_error",
    message: "The command's program sb-no-such-program-xyz is not installed on the hub.",
  });
});
