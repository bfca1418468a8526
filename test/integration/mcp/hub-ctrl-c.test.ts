// Ctrl-C in a terminal: the terminal signals the whole foreground process group, so the hub and
// its embedded Postgres both get SIGINT. Postgres runs in a group of its own, so it is still
// there when the hub flushes its call log: no row is lost and no "lost connection" warning.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/start-embedded-postgres";
import { runSbCli } from "./run-sb-cli";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const CALLS = 30;
let dataDir = "";

before(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "switchboard-ctrl-c-"));
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test("SIGINT to the hub's process group (Ctrl-C) keeps every call-log row and logs no lost connection", { timeout: 240_000 }, async () => {
  const env: Record<string, string> = { SWITCHBOARD_DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "", LOG_FORMAT: "json" };
  await runSbCli(["user", "create", "--email", "ctrl-c@example.com", "--password", "correct horse battery"], env);
  const key = await runSbCli(["key", "create", "--email", "ctrl-c@example.com", "--name", "ctrl-c", "--rate-limit", "1000/1m"], env);

  // Its own process group, as a shell gives a foreground job: -pid signals the hub and everything in its group.
  const hub = spawn(process.execPath, ["--import", "tsx", "mcp/server/start-hub.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: "0", HOST: "127.0.0.1", SWITCHBOARD_CONSOLE: "off", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  hub.stdout.on("data", (chunk) => (output += chunk));
  hub.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => hub.once("exit", resolve));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`hub not ready:\n${output}`)), 120_000);
      hub.stdout.on("data", () => {
        const match = /ready on port (\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
    });
    const client = new Client({ name: "ctrl-c", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
    for (let index = 0; index < CALLS; index += 1) await client.callTool({ name: "echo", arguments: { message: `call ${index}` } });
    // At once, while the last rows are still in the writer's batch.
    process.kill(-hub.pid!, "SIGINT");
    assert.equal(await exited, 0, output);
  } finally {
    if (hub.exitCode === null) process.kill(-hub.pid!, "SIGKILL");
  }
  assert.doesNotMatch(output, /hub_event_listen_failed|Lost the Postgres hub-event connection/);
  assert.doesNotMatch(output, /shutdown: stopping .* failed/);

  const database = await startEmbeddedPostgres({ dataDir, owner: "cli" });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "CallLog" WHERE "toolName" = 'echo' AND status = 'ok'`);
    assert.equal(Number(rows[0].count), CALLS, "every answered call is in the call log");
  } finally {
    await client.end();
    await database.stop();
  }
});
