// A database outage longer than the key cache (5 s) against a real hub on a Postgres of the test's
// own: known keys keep working from their last good entry, unknown keys get 503 + Retry-After
// (never 500), /api/ready says 503 with the console off, the outage is logged once at its start and
// once at its end (no stack per request), and every call answered meanwhile has its call-log row.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { startPostgresServer, type TestPostgresServer } from "@/test/helpers/start-postgres-server";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { sendRawRequest } from "@/test/integration/mcp/send-raw-request";
import { mcpHeaders, openRawMcpSession } from "./open-raw-mcp-session";

let database: TestPostgresServer;
let hub: TestHub | undefined;
const keys = { known: "", unused: "", tight: "" };

before(async () => {
  database = await startPostgresServer();
  await seedAccounts(database.url, async (seed) => {
    await seed.user("outage@example.com");
    keys.known = await seed.key("outage@example.com", "known", { rateLimit: "10000/1m" });
    keys.unused = await seed.key("outage@example.com", "unused");
    keys.tight = await seed.key("outage@example.com", "tight", { rateLimit: "1/1m" });
  });
});

after(async () => {
  await database?.start().catch(() => {});
  await hub?.stop();
  await database?.remove();
});

const ready = async (port: number) => (await sendRawRequest({ port, method: "GET", path: "/api/ready", headers: { Host: "localhost" } })).status;

test("a 7 s database outage: known keys served, unknown keys 503 + Retry-After, readiness 503, two log lines, no call-log or rate-limit row lost", async () => {
  hub = await startTestHub({ databaseUrl: database.url, env: { LOG_LEVEL: "warn" } });
  const session = await openRawMcpSession({ port: hub.port, key: keys.known });
  assert.equal((await session.echo("before")).status, 200);
  assert.equal(await ready(hub.port), 200);
  const tight = await openRawMcpSession({ port: hub.port, key: keys.tight });
  assert.equal((await tight.echo("the one call of its budget")).status, 200);

  await database.stop();
  // A refusal during the outage: its RateLimitEvent row must be retried, not dropped.
  assert.equal((await tight.echo("over budget")).status, 429);
  let answered = 1;
  const statuses = new Map<number, number>();
  // Longer than the 5 s key cache: before the fix every call after it failed with 500.
  const outageEnds = Date.now() + 7_000;
  while (Date.now() < outageEnds) {
    const reply = await session.echo(`during ${answered}`);
    statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
    if (reply.status === 200) answered += 1;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual([...statuses.keys()], [200], `every call of the known key answered: ${JSON.stringify([...statuses])}`);

  const unknown = await sendRawRequest({
    port: hub.port,
    method: "POST",
    path: "/mcp",
    headers: mcpHeaders(keys.unused),
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } }),
  });
  assert.equal(unknown.status, 503, unknown.text);
  assert.equal(unknown.headers["retry-after"], "5");
  assert.deepEqual(JSON.parse(unknown.text), { error: { code: "unavailable", message: "The database is unreachable; retry in 5 s." } });
  const notReady = await sendRawRequest({ port: hub.port, method: "GET", path: "/api/ready", headers: { Host: "localhost" } });
  assert.equal(notReady.status, 503);
  assert.equal((JSON.parse(notReady.text) as { error: { code: string } }).error.code, "unavailable");

  await database.start();
  const deadline = Date.now() + 15_000;
  while ((await ready(hub.port)) !== 200) {
    assert.ok(Date.now() < deadline, "ready again within 15 s of the database's return");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.equal((await session.echo("after")).status, 200);
  answered += 1;

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    let rows = 0;
    while (Date.now() < deadline) {
      const result = await client.query<{ count: string }>(`SELECT count(*) FROM "CallLog" WHERE "sessionId" = $1 AND status = 'ok'`, [session.sessionId]);
      rows = Number(result.rows[0].count);
      if (rows >= answered) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(rows, answered, "one call-log row per answered call, written once the database is back");
    let violations = 0;
    while (Date.now() < deadline + 15_000) {
      violations = Number((await client.query<{ count: string }>(`SELECT count(*) FROM "RateLimitEvent" WHERE kind = 'key'`)).rows[0].count);
      if (violations >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(violations, 1, "the refusal during the outage was stored once the database was back");
  } finally {
    await client.end();
  }
  const output = hub.output();
  assert.equal(output.match(/database_outage_started/g)?.length, 1, output.slice(0, 4000));
  // The end is logged once the probe reaches the database, at most a second after readiness.
  const endDeadline = Date.now() + 3_000;
  while (!/database_outage_ended/.test(hub.output()) && Date.now() < endDeadline) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(hub.output().match(/database_outage_ended/g)?.length, 1);
  assert.match(hub.output(), /"event":"database_outage_ended","affected":\d+/);
  assert.doesNotMatch(output, /MCP request failed/);
  assert.ok(output.length < 20_000, `the outage logged ${output.length} bytes`);
});
