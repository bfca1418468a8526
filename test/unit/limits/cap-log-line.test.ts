import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_LOG_LINE_CHARS, capLogLine } from "@/lib/log/cap-log-line";

const line = (entry: object) => `${JSON.stringify(entry)}\n`;

test("a normal line passes unchanged", () => {
  const text = line({ level: 30, msg: "tool call succeeded", client: "claude-code" });
  assert.equal(capLogLine(text), text);
});

test("a 900 KB client name is cut; the line stays one JSON object under the cap", () => {
  const capped = capLogLine(line({ level: 30, time: "t", msg: "tool call failed", client: "x".repeat(900_000), tool: "echo" }));
  assert.ok(capped.length <= MAX_LOG_LINE_CHARS, `${capped.length} chars`);
  assert.ok(capped.endsWith("\n") && !capped.slice(0, -1).includes("\n"));
  const entry = JSON.parse(capped);
  assert.equal(entry.tool, "echo");
  assert.equal(entry.client, `${"x".repeat(1024)}…`);
  assert.equal(entry.truncated, true);
  assert.ok(entry.originalLength > 900_000);
});

test("a line of many fields keeps only level, time and message", () => {
  const entry = Object.fromEntries(Array.from({ length: 5_000 }, (_, index) => [`field${index}`, "v".repeat(10)]));
  const capped = JSON.parse(capLogLine(line({ level: 40, time: "t", msg: "m", ...entry })));
  assert.deepEqual(Object.keys(capped).sort(), ["level", "msg", "originalLength", "time", "truncated"]);
});
