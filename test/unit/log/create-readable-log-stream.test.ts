import assert from "node:assert/strict";
import { test } from "node:test";
import { createReadableLogStream } from "@/lib/log/create-readable-log-stream";

function render(lines: object[], debugEnabled = false): string {
  let out = "";
  const stream = createReadableLogStream({ out: { write: (text: string) => (out += text) }, debugEnabled, colour: false });
  for (const line of lines) stream.write(`${JSON.stringify(line)}\n`);
  return out;
}

const at = "2026-12-01T09:36:53.375Z";

test("a JSON line becomes time, level, message and the extra fields", () => {
  assert.equal(render([{ level: 30, time: at, service: "switchboard", msg: "Switchboard is ready on port 3000. Open http://localhost:3000" }]), "09:36:53 INFO  Switchboard is ready on port 3000. Open http://localhost:3000\n");
  assert.equal(render([{ level: 40, time: at, service: "switchboard", event: "x", backend: "memory", note: "two words", msg: "Rate limits are per instance" }]), '09:36:53 WARN  Rate limits are per instance backend=memory note="two words"\n');
});
test("lists read as comma lists; empty ones are left out", () => {
  assert.equal(render([{ level: 30, time: at, created: ["echo", "read_file"], updated: [], msg: "tool catalogue synced" }]), "09:36:53 INFO  tool catalogue synced created=echo,read_file\n");
});
test("an error's stack follows its line", () => {
  assert.equal(render([{ level: 50, time: at, msg: "start-up failed", err: { message: "boom", stack: "Error: boom\n    at main" } }]), "09:36:53 ERROR start-up failed\nError: boom\n    at main\n");
});
test("per-call lines are debug detail: hidden unless LOG_LEVEL is debug", () => {
  const call = { level: 30, time: at, event: "tool_call_success", tool: "echo", msg: "tool call succeeded" };
  assert.equal(render([call]), "");
  assert.equal(render([call], true), "09:36:53 INFO  tool call succeeded tool=echo\n");
});
test("a line that is not JSON passes through unchanged", () => {
  let out = "";
  createReadableLogStream({ out: { write: (text: string) => (out += text) }, debugEnabled: false, colour: false }).write("plain text\n");
  assert.equal(out, "plain text\n");
});
