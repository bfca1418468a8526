// Claude Code 2.1.332 (test/peers) against the real hub: `claude mcp add` with both
// --transport http and --transport sse, then `claude mcp list` must say Connected for both, and
// the hub must have answered its 2026-07-28 `server/discover` probe with 200 (no fallback to
// initialize). A small recording proxy in front of the hub sees every request Claude sends.
// Claude runs with HOME in a temp folder, so it reads and writes no real configuration.
// Skips, saying so, when test/peers is not installed (`npm install --prefix test/peers`).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";

const CLAUDE = path.resolve(import.meta.dirname, "../../peers/node_modules/.bin/claude");
const skip = existsSync(CLAUDE) ? false : `Claude Code is not installed at ${CLAUDE}: run npm install --prefix test/peers (and node test/peers/node_modules/@anthropic-ai/claude-code/install.cjs) to run this test`;
const run = promisify(execFile);

interface SeenRequest {
  method: string;
  path: string;
  mcpMethod: string | undefined;
  protocolVersion: string | undefined;
  status: number;
}

let database: TestDatabase;
let hub: TestHub;
let proxy: Server;
let proxyUrl = "";
let home = "";
let key = "";
const seen: SeenRequest[] = [];

before(async () => {
  if (skip) return;
  database = await createTestDatabase();
  const env = { DATABASE_URL: database.url, REDIS_URL: process.env.REDIS_URL ?? "" };
  await seedAccounts(database.url, async (seed) => {
    await seed.user("claude@example.com");
    key = await seed.key("claude@example.com", "claude-code");
  });
  hub = await startTestHub({ databaseUrl: database.url, env: { REDIS_URL: env.REDIS_URL } });
  proxy = await startRecordingProxy(hub.port);
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  home = mkdtempSync(path.join(os.tmpdir(), "sb-claude-home-"));
});

after(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  await hub?.stop();
  await database?.drop();
  if (home) rmSync(home, { recursive: true, force: true });
});

/** Forwards every request to the hub unchanged (streams both ways) and records what it saw. */
function startRecordingProxy(hubPort: number): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    const upstream = request({ host: "127.0.0.1", port: hubPort, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      seen.push({
        method: incoming.method ?? "",
        path: incoming.url ?? "",
        mcpMethod: incoming.headers["mcp-method"] as string | undefined,
        protocolVersion: incoming.headers["mcp-protocol-version"] as string | undefined,
        status: answer.statusCode ?? 0,
      });
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on("error", () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function claude(args: string[]): Promise<string> {
  const { stdout, stderr } = await run(CLAUDE, args, {
    cwd: home,
    timeout: 90_000,
    env: { PATH: process.env.PATH ?? "", HOME: home, XDG_CONFIG_HOME: path.join(home, ".config"), DISABLE_AUTOUPDATER: "1", CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1", NO_COLOR: "1", NODE_ENV: "production" },
  });
  return `${stdout}${stderr}`;
}

test("claude mcp list shows the hub Connected over --transport http and --transport sse; its server/discover probe is answered 200", { skip, timeout: 240_000 }, async () => {
  await claude(["mcp", "add", "--transport", "http", "switchboard-http", `${proxyUrl}/mcp`, "--header", `Authorization: Bearer ${key}`]);
  await claude(["mcp", "add", "--transport", "sse", "switchboard-sse", `${proxyUrl}/sse`, "--header", `Authorization: Bearer ${key}`]);
  const listed = await claude(["mcp", "list"]);
  const line = (name: string) => listed.split("\n").find((entry) => entry.startsWith(`${name}:`)) ?? "";
  assert.match(line("switchboard-http"), /\(HTTP\).*Connected/, listed);
  assert.match(line("switchboard-sse"), /\(SSE\).*Connected/, listed);
  const discover = seen.filter((entry) => entry.method === "POST" && entry.path === "/mcp" && entry.mcpMethod === "server/discover");
  assert.ok(discover.length > 0, `Claude Code probed server/discover: ${JSON.stringify(seen)}`);
  assert.deepEqual(
    discover.map((entry) => [entry.status, entry.protocolVersion]),
    discover.map(() => [200, "2026-07-28"]),
    JSON.stringify(seen),
  );
  assert.ok(seen.some((entry) => entry.method === "GET" && entry.path === "/sse" && entry.status === 200), `Claude Code opened GET /sse: ${JSON.stringify(seen)}`);
  const initializeOnMcp = seen.filter((entry) => entry.path === "/mcp" && entry.mcpMethod === undefined && entry.method === "POST");
  assert.deepEqual(initializeOnMcp, [], "no fallback to a 2025 session on /mcp");
});
