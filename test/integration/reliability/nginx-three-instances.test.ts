// Three hub instances on one database and one Redis behind Debian's nginx running the shipped
// deploy/nginx.conf: both transports work through it, a per-key limit holds in total, a CLI change
// reaches sessions on every instance within a second, and killing one instance under load loses
// no answered call while its clients re-initialise elsewhere through nginx.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import pg from "pg";
import { eventually } from "@/test/helpers/eventually";
import { findFreePort } from "@/test/helpers/find-free-port";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { startNginx, type TestNginx } from "@/test/helpers/start-nginx";
import { startRedisServer, type TestRedisServer } from "@/test/helpers/start-redis-server";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { orAfter } from "@/test/helpers/with-timeout";
import { openRawEventStream, type RawEventStream } from "@/test/integration/mcp/open-raw-event-stream";
import { runSbCli } from "@/test/integration/mcp/run-sb-cli";
import { mcpHeaders, openRawMcpSession, type RawMcpSession } from "./open-raw-mcp-session";

const INSTANCES = ["hub1", "hub2", "hub3"] as const;
let database: TestDatabase;
let redis: TestRedisServer;
let nginx: TestNginx | undefined;
const hubs: TestHub[] = [];
const ports: number[] = [];
const dataDirs = INSTANCES.map(() => mkdtempSync(path.join(os.tmpdir(), "sb-test-fleet-")));
const keys = { main: "", limited: "", fleet: "" };
let cliEnv: Record<string, string>;

const startHub = (index: number) =>
  startTestHub({
    databaseUrl: database.url,
    port: ports[index],
    dataDir: dataDirs[index],
    // A generous Redis timeout: on a loaded CI machine a 50 ms one can open the breaker, and the
    // fallback's per-instance counts would blur the shared limit this test checks.
    env: { SWITCHBOARD_INSTANCE_ID: INSTANCES[index], REDIS_URL: redis.url, SWITCHBOARD_TRUST_PROXY: "true", SWITCHBOARD_RATE_LIMIT_TIMEOUT_MS: "500" },
  });

before(async () => {
  database = await createTestDatabase();
  redis = await startRedisServer();
  cliEnv = { DATABASE_URL: database.url, REDIS_URL: "" };
  await seedAccounts(database.url, async (seed) => {
    await seed.user("fleet@example.com");
    keys.main = await seed.key("fleet@example.com", "main", { rateLimit: "100000/1m" });
    keys.limited = await seed.key("fleet@example.com", "limited", { rateLimit: "30/1m" });
    keys.fleet = await seed.key("fleet@example.com", "fleet");
  });
  for (const _ of INSTANCES) ports.push(await findFreePort());
  hubs.push(...(await Promise.all(INSTANCES.map((_, index) => startHub(index)))));
  nginx = await startNginx(ports);
});

after(async () => {
  await nginx?.stop();
  await Promise.all(hubs.map((hub) => (hub.process.exitCode === null ? hub.stop() : undefined)));
  await redis?.stop();
  await database?.drop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

const instanceOf = (sessionId: string) => sessionId.split(".")[0];

/** Sessions opened through nginx until every instance holds at least one. */
async function sessionsOnEveryInstance(key: string): Promise<RawMcpSession[]> {
  const sessions: RawMcpSession[] = [];
  for (let attempt = 0; attempt < 12 && new Set(sessions.map((s) => instanceOf(s.sessionId))).size < INSTANCES.length; attempt++) {
    sessions.push(await openRawMcpSession({ port: nginx!.port, key }));
  }
  assert.deepEqual([...new Set(sessions.map((s) => instanceOf(s.sessionId)))].sort(), [...INSTANCES], "round robin spread new sessions over the instances");
  return sessions;
}

describe("three instances behind nginx", () => {
  test("both transports work through nginx (SDK clients, sessions routed home)", async () => {
    for (const transport of [
      new StreamableHTTPClientTransport(new URL(`${nginx!.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${keys.main}` } } }),
      new SSEClientTransport(new URL(`${nginx!.url}/sse`), { requestInit: { headers: { Authorization: `Bearer ${keys.main}` } } }),
    ]) {
      const client = new Client({ name: "nginx-test", version: "1" });
      await client.connect(transport);
      try {
        assert.ok((await client.listTools()).tools.some((tool) => tool.name === "echo"));
        // Several calls: each must reach the session's own instance (others answer 404).
        for (let index = 0; index < 5; index++) {
          const result = await client.callTool({ name: "echo", arguments: { message: `via nginx ${index}` } });
          assert.deepEqual(result.content, [{ type: "text", text: `via nginx ${index}` }]);
        }
      } finally {
        await client.close();
      }
    }
  });

  test("a per-key limit holds in total across the instances", async () => {
    const sessions = await sessionsOnEveryInstance(keys.limited);
    const statuses: number[] = [];
    for (let index = 0; index < 45; index++) statuses.push((await sessions[index % sessions.length].echo(`limited ${index}`)).status);
    assert.equal(statuses.filter((status) => status === 200).length, 30, `statuses: ${statuses.join(",")}`);
    assert.equal(statuses.filter((status) => status === 429).length, 15);
  });

  test("a CLI change reaches live sessions on every instance within a second", async () => {
    const streams: RawEventStream[] = [];
    const seen = new Set<string>();
    try {
      for (let attempt = 0; attempt < 12 && seen.size < INSTANCES.length; attempt++) {
        const stream = await openRawEventStream({ port: nginx!.port, path: "/sse", headers: mcpHeaders(keys.fleet) });
        assert.equal(stream.status, 200);
        for (let wait = 0; wait < 50 && !/sessionId=/.test(stream.text()); wait++) await new Promise((resolve) => setTimeout(resolve, 20));
        const instance = /sessionId=([a-z0-9]+)\./.exec(stream.text())?.[1];
        assert.ok(instance, stream.text());
        seen.add(instance);
        streams.push(stream);
      }
      assert.equal(seen.size, INSTANCES.length);
      await runSbCli(["key", "revoke", "--prefix", keys.fleet.slice(0, 12)], cliEnv);
      const revokedAt = Date.now();
      const allEnded = await orAfter(Promise.all(streams.map((stream) => stream.ended)).then(() => true), 1_000, false);
      assert.ok(allEnded, "every instance ended the revoked key's streams within a second of the CLI's exit");
      assert.ok(Date.now() - revokedAt <= 1_000);
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  test("SIGKILL of one instance under load: no answered call lost, its clients re-initialise through nginx", async () => {
    const victim = 1; // hub2
    let stop = false;
    let answered = 0;
    let reinitialised = 0;
    const sessionIds = new Set<string>();
    const unexpected: string[] = [];
    const worker = async (): Promise<void> => {
      let session = await openRawMcpSession({ port: nginx!.port, key: keys.main });
      sessionIds.add(session.sessionId);
      while (!stop) {
        const reply = await session.echo("load").catch((error: NodeJS.ErrnoException) => ({ status: 0, text: error.code ?? "error", headers: {} }));
        if (reply.status === 200) answered += 1;
        else if (reply.status === 404 || reply.status === 502) {
          // 502: the call was in flight when its instance died; 404: a backup does not know the
          // session. Either way, a new session through nginx, as an SDK client does.
          session = await openRawMcpSession({ port: nginx!.port, key: keys.main });
          sessionIds.add(session.sessionId);
          reinitialised += 1;
        } else unexpected.push(`${reply.status} ${reply.text.slice(0, 120)}`);
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    // Conditions, not fixed times: on a busy machine six sessions and their first calls can take seconds.
    await eventually("some client to have a session on the instance about to die, and calls answered", async () => [...sessionIds].some((id) => instanceOf(id) === INSTANCES[victim]) && answered >= 6, 20_000, 50);
    hubs[victim].process.kill("SIGKILL");
    await eventually("the killed instance's clients to open new sessions elsewhere", async () => reinitialised >= 1, 20_000, 50);
    stop = true;
    await Promise.all(workers);
    assert.deepEqual(unexpected, []);
    // Its answered calls are in its spool: a restart on the same data folder writes them.
    hubs[victim] = await startHub(victim);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      let rows = 0;
      const logged = async () => (rows = Number((await client.query<{ count: string }>(`SELECT count(*) FROM "CallLog" WHERE "sessionId" = ANY($1) AND status = 'ok'`, [[...sessionIds]])).rows[0].count)) >= answered;
      await eventually("every answered call to be logged", logged, 20_000, 200).catch(() => assert.fail(`${answered} calls answered, ${rows} rows`));
    } finally {
      await client.end();
    }
  });
});
