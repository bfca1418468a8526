// Redis faults against real hub processes on a Redis of the test's own: Redis refusing
// connections at start-up (the hub used to crash on an unhandled ECONNREFUSED), a Redis that
// hangs (every call used to wait ~1 s), and failure mode `closed` (503 + Retry-After, not 429).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { startRedisServer, type TestRedisServer } from "@/test/helpers/start-redis-server";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { openRawMcpSession } from "./open-raw-mcp-session";

let database: TestDatabase;
let redis: TestRedisServer;
let key = "";
const hubs: TestHub[] = [];

before(async () => {
  database = await createTestDatabase();
  redis = await startRedisServer({ started: false });
  await seedAccounts(database.url, async (seed) => {
    await seed.user("redis-faults@example.com");
    key = await seed.key("redis-faults@example.com", "faults", { rateLimit: "10000/1m" });
  });
});

after(async () => {
  await Promise.all(hubs.map((hub) => hub.stop()));
  await redis?.stop();
  await database?.drop();
});

/**
 * `productionTimeout`: the production 50 ms for a Redis decision, for the tests of what it bounds
 * (an absent or hanging Redis). Else the test hubs' 2 s, so that a loaded machine's slow answer
 * from a healthy Redis is not taken for a fault (in failure mode closed, a 503 while Redis is up).
 */
async function startHub(failureMode: "open" | "closed", options: { productionTimeout?: boolean } = {}): Promise<TestHub> {
  const timeout: Record<string, string> = options.productionTimeout ? { SWITCHBOARD_RATE_LIMIT_TIMEOUT_MS: "50" } : {};
  const hub = await startTestHub({ databaseUrl: database.url, env: { REDIS_URL: redis.url, SWITCHBOARD_RATE_LIMIT_FAILURE_MODE: failureMode, ...timeout } });
  hubs.push(hub);
  return hub;
}

async function rateLimitKeysInRedis(): Promise<number> {
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  try {
    return (await client.keys("switchboard:rl*")).length;
  } finally {
    client.disconnect();
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test("Redis refusing connections at start-up: the hub starts, serves in failure mode open, and uses Redis once it is up", async () => {
  const hub = await startHub("open", { productionTimeout: true });
  const session = await openRawMcpSession({ port: hub.port, key });
  for (let index = 0; index < 5; index++) assert.equal((await session.echo(`down ${index}`)).status, 200);
  assert.equal(hub.process.exitCode, null, "the hub is still running");
  await redis.start();
  // ioredis reconnects within 2 s; the breaker probes again within 3 s: limits move to Redis.
  await waitFor(async () => {
    assert.equal((await session.echo("up")).status, 200);
    return (await rateLimitKeysInRedis()) > 0;
  }, 10_000, "rate-limit keys in Redis");
  assert.doesNotMatch(hub.output(), /unhandled|ECONNREFUSED.*at /i);
});

test("a hanging Redis costs one call the short timeout, not every call ~1 s (circuit breaker)", async () => {
  await redis.start();
  const hub = await startHub("open", { productionTimeout: true });
  const session = await openRawMcpSession({ port: hub.port, key });
  assert.equal((await session.echo("warm")).status, 200);
  redis.pause();
  try {
    const startedAt = Date.now();
    for (let index = 0; index < 20; index++) assert.equal((await session.echo(`hang ${index}`)).status, 200);
    const elapsed = Date.now() - startedAt;
    // Before the breaker each of these calls waited for the 1 s Redis timeout (20 s in all).
    assert.ok(elapsed < 5_000, `20 calls against a hanging Redis took ${elapsed} ms`);
  } finally {
    redis.resume();
  }
});

test("failure mode closed: calls get 503 with Retry-After and the envelope while Redis is down, 200 after", async () => {
  await redis.start();
  const hub = await startHub("closed");
  const session = await openRawMcpSession({ port: hub.port, key });
  assert.equal((await session.echo("before")).status, 200);
  await redis.stop();
  const refused = await session.echo("during");
  assert.equal(refused.status, 503, refused.text);
  assert.match(String(refused.headers["retry-after"]), /^\d+$/);
  assert.equal((JSON.parse(refused.text) as { error: { code: string } }).error.code, "unavailable");
  await redis.start();
  await waitFor(async () => (await session.echo("after")).status === 200, 10_000, "calls to be answered again");
});
