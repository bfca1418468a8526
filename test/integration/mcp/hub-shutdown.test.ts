// SIGTERM: the hub stops accepting, lets in-flight tool calls finish, ends SSE streams, flushes
// every call-log row, and exits 0 (calls not yet accepted are refused at the socket, never 5xx). A busy port is a one-line error and exit 1.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { openRawEventStream } from "./open-raw-event-stream";
import { sendRawRequest } from "./send-raw-request";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";

const CALLS = 40;
let database: TestDatabase;
let key = "";

before(async () => {
  database = await createTestDatabase();
  await seedAccounts(database.url, async (seed) => {
    await seed.user("shutdown@example.com");
    key = await seed.key("shutdown@example.com", "shutdown", { rateLimit: "1000/1m" });
  });
});
after(() => database?.drop());

test("SIGTERM: answered calls are all logged, none fails with an error, SSE streams end, exit 0", async () => {
  const hub = await startTestHub({ databaseUrl: database.url });
  const headers = { Host: "localhost", "Content-Type": "application/json", Accept: "application/json, text/event-stream", Authorization: `Bearer ${key}` };
  const opened = await sendRawRequest({
    port: hub.port,
    method: "POST",
    path: "/mcp",
    headers,
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "shutdown-test", version: "1" } } }),
  });
  const sessionId = String(opened.headers["mcp-session-id"]);
  const stream = await openRawEventStream({ port: hub.port, path: "/sse", headers });
  const calls = Array.from({ length: CALLS }, (_, index) =>
    sendRawRequest({
      port: hub.port,
      method: "POST",
      path: "/mcp",
      headers: { ...headers, "Mcp-Session-Id": sessionId },
      body: JSON.stringify({ jsonrpc: "2.0", id: 100 + index, method: "tools/call", params: { name: "echo", arguments: { message: `call ${index}` } } }),
    }).catch((error: NodeJS.ErrnoException) => error.code ?? "error"),
  );
  // Signal as soon as the hub is answering: some calls are then in flight, others not yet sent.
  await Promise.race(calls);
  hub.process.kill("SIGTERM");
  const replies = await Promise.all(calls);
  const answered = replies.filter((reply) => typeof reply !== "string");
  // A call is either answered correctly or was never accepted (connection refused/reset): never a 5xx.
  for (const reply of replies) {
    if (typeof reply === "string") assert.match(reply, /^(ECONNRESET|ECONNREFUSED|EPIPE)$/);
    else assert.equal(reply.status, 200, reply.text);
  }
  assert.ok(answered.length >= 1);
  for (const reply of answered) assert.match((JSON.parse(reply.text) as { result: { content: Array<{ text: string }> } }).result.content[0].text, /^call \d+$/);
  await stream.ended;
  assert.equal(await hub.stop(), 0, hub.output());
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "CallLog" WHERE "sessionId" = $1 AND status = 'ok'`, [sessionId]);
    // Every answered call reached the call log before exit (the writer is flushed on SIGTERM).
    assert.equal(Number(rows[0].count), answered.length);
  } finally {
    await client.end();
  }
});

/** Starts a second hub on `port`; resolves with its exit code and stderr. */
async function startSecondHub(port: number, env: Record<string, string | undefined>): Promise<{ code: number | null; stderr: string }> {
  const second = spawn(process.execPath, ["--import", "tsx", "mcp/server/start-hub.ts"], {
    cwd: path.resolve(import.meta.dirname, "../../.."),
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", SWITCHBOARD_CONSOLE: "off", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  second.stderr.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => second.once("exit", resolve));
  return { code, stderr };
}

describe("a busy port", () => {
  // One hub holds the port for both checks (each start costs seconds).
  let hub: TestHub | undefined;
  before(async () => {
    hub = await startTestHub({ databaseUrl: database.url });
  });
  after(() => hub?.stop());

  test("is one line on stderr and exit code 1", async () => {
    const { code, stderr } = await startSecondHub(hub!.port, { DATABASE_URL: database.url, SWITCHBOARD_DATA_DIR: path.join(path.dirname(database.url), "unused") });
    assert.equal(code, 1);
    assert.equal(stderr, `switchboard: port ${hub!.port} is already in use; stop the other process or set PORT to a free port.\n`);
  });

  test("is reported before any embedded Postgres is set up", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchboard-busy-port-"));
    try {
      const { code, stderr } = await startSecondHub(hub!.port, { DATABASE_URL: undefined, SWITCHBOARD_DATA_DIR: dataDir });
      assert.equal(code, 1);
      assert.equal(stderr, `switchboard: port ${hub!.port} is already in use; stop the other process or set PORT to a free port.\n`);
      assert.equal(existsSync(path.join(dataDir, "pg")), false, "no cluster was initialised");
      assert.equal(existsSync(path.join(dataDir, "pg-credentials.json")), false, "no credentials were generated");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
