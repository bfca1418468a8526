// What a person sees on a terminal: the hub under a pseudo-terminal (util-linux `script`) prints
// readable lines, no JSON, and no line per tool call at the default level; with its output
// piped (a log shipper) every line is JSON.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
let database: TestDatabase;
let key = "";

before(async () => {
  database = await createTestDatabase();
  await seedAccounts(database.url, async (seed) => {
    await seed.user("terminal@example.com");
    key = await seed.key("terminal@example.com", "terminal");
  });
});
after(() => database?.drop());

/** Starts the hub (on a TTY when `tty`), calls echo twice, stops it with SIGTERM; resolves everything it printed. */
async function runHub(tty: boolean): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchboard-terminal-"));
  const command = [process.execPath, "--import", "tsx", "mcp/server/start-hub.ts"];
  const hub = tty
    ? spawn("script", ["-qefc", command.join(" "), "/dev/null"], { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "pipe"], detached: true, env: hubEnv(dataDir) })
    : spawn(command[0], command.slice(1), { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"], detached: true, env: hubEnv(dataDir) });
  let output = "";
  hub.stdout!.on("data", (chunk) => (output += chunk));
  hub.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => hub.once("exit", resolve));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready:\n${output}`)), 60_000);
      hub.stdout!.on("data", () => {
        const match = /ready on port (\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
    });
    const client = new Client({ name: "terminal", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
    for (const message of ["one", "two"]) await client.callTool({ name: "echo", arguments: { message } });
    await client.close();
    process.kill(-hub.pid!, "SIGTERM");
    await exited;
  } finally {
    if (hub.exitCode === null && hub.signalCode === null) process.kill(-hub.pid!, "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
  return output;
}

function hubEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, PORT: "0", HOST: "127.0.0.1", SWITCHBOARD_CONSOLE: "off", SWITCHBOARD_DATA_DIR: dataDir, LOG_LEVEL: "info", REDIS_URL: "" };
  delete env.LOG_FORMAT;
  return env;
}

test("on a terminal: readable start-up lines, no JSON, no line per tool call", { timeout: 120_000 }, async () => {
  const lines = (await runHub(true)).split(/\r?\n/).filter((line) => line.trim() !== "");
  assert.ok(lines.some((line) => /^\d\d:\d\d:\d\d INFO {2}Switchboard is ready on port \d+\b.*\. Open http/.test(line.replace(/\x1b\[[0-9;]*m/g, ""))), lines.join("\n"));
  assert.deepEqual(lines.filter((line) => line.trimStart().startsWith("{")), [], "no JSON lines");
  assert.deepEqual(lines.filter((line) => /tool call/.test(line)), [], "per-call lines are debug");
});

test("piped (not a terminal): every line is JSON, tool calls included", { timeout: 120_000 }, async () => {
  const lines = (await runHub(false)).split("\n").filter((line) => line.trim() !== "");
  for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), `not JSON: ${line}`);
  assert.ok(lines.some((line) => JSON.parse(line).msg?.startsWith("Switchboard is ready on port")));
  assert.equal(lines.filter((line) => JSON.parse(line).event === "tool_call_success").length, 2);
});
