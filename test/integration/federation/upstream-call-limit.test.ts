// An upstream tool's call is timed by its server's own limits (--timeout, restarted by progress up
// to 10 ×), not by the pipeline's limit for the hub's own tools: with that limit at 1 s
// (SWITCHBOARD_TOOL_TIMEOUT_SECONDS), calls to the tests' own upstream that run longer, within the
// server's timeout or kept alive by progress past it, are answered. Real hub, real CLI, SDK client.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { runSb } from "@/test/integration/cli/run-sb";
import { connectHubClient } from "@/test/integration/federation/connect-hub-client";
import { toolResultText } from "@/test/integration/federation/tool-result-text";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FIXTURE = path.join(import.meta.dirname, "changing-upstream.ts");
const SECRET_KEY = "upstream-call-limit-test-secret-key-0123456789";
/** The server's timeout: longer than the pipeline's 1 s, so any cut at 1 s is the pipeline's. */
const SERVER_TIMEOUT_SECONDS = 3;

let database: TestDatabase;
let hub: TestHub;
let folder: string;
let client: Client;

/** fixture__slow works `steps` × 100 ms; with `progress`, it reports each step. */
const callSlow = (steps: number, progress: boolean) =>
  client.callTool({ name: "fixture__slow", arguments: { steps } }, undefined, { onprogress: progress ? () => {} : undefined, timeout: 60_000 }) as Promise<CallToolResult>;

before(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "sb-upstream-call-limit-"));
  const definitions = path.join(folder, "tools.json");
  writeFileSync(definitions, JSON.stringify({ tools: [{ name: "slow", description: "Works a while.", inputSchema: { type: "object", properties: { steps: { type: "integer" } } } }] }));
  database = await createTestDatabase();
  let key = "";
  await seedAccounts(database.url, async (seed) => {
    await seed.user("admin@example.com", "admin");
    key = await seed.key("admin@example.com", "admin", { rateLimit: "10000/1m" });
  });
  hub = await startTestHub({ databaseUrl: database.url, env: { SWITCHBOARD_SECRET_KEY: SECRET_KEY, SWITCHBOARD_TOOL_TIMEOUT_SECONDS: "1" } });
  const added = await runSb(["server", "add", "fixture", "--command", process.execPath, "--arg=--import", "--arg", "tsx", "--arg", FIXTURE, "--arg", definitions, "--cwd", ROOT, "--timeout", String(SERVER_TIMEOUT_SECONDS)], { DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: SECRET_KEY });
  assert.equal(added.code, 0, added.stderr);
  client = await connectHubClient(hub.url, "streamable", key);
});

after(async () => {
  await client?.close().catch(() => {});
  await hub?.stop();
  await database?.drop();
  rmSync(folder, { recursive: true, force: true });
});

describe("upstream calls follow their server's timeout, not the pipeline's limit for the hub's own tools", () => {
  test("a call that outlasts the pipeline's limit but not the server's timeout is answered", async () => {
    const result = await callSlow(20, false);
    assert.equal(toolResultText(result), "finished", JSON.stringify(result));
  });

  test("a call kept alive by progress past the server's timeout (within 10 ×) is answered", async () => {
    const result = await callSlow(SERVER_TIMEOUT_SECONDS * 10 + 15, true);
    assert.equal(toolResultText(result), "finished", JSON.stringify(result));
  });

  test("without progress, the server's own timeout ends the call, and says so", async () => {
    const result = await callSlow(SERVER_TIMEOUT_SECONDS * 10 + 15, false);
    assert.equal(result.isError, true);
    assert.equal(toolResultText(result), `Server fixture did not answer within ${SERVER_TIMEOUT_SECONDS} s. Retry later, or ask an admin to raise its timeout.`);
  });
});
