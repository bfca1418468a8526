import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { Redis } from "ioredis";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { createFailoverLimiter } from "@/lib/rate-limit/create-failover-limiter";
import { createMemorySlidingWindowLimiter } from "@/lib/rate-limit/create-memory-sliding-window-limiter";
import { createUpstashSlidingWindowLimiter } from "@/lib/rate-limit/create-upstash-sliding-window-limiter";
import { createRatelimitRedisAdapter } from "@/lib/redis/create-ratelimit-redis-adapter";
import { createRedisConnection } from "@/lib/redis/create-redis-connection";

const REDIS_URL = process.env.REDIS_URL;
// These tests check the sliding window and the failover, not the production 50 ms timeout: a
// fresh connection's first EVAL on a loaded CI machine can take longer than that.
const LIMITER_TIMEOUT_MS = 2_000;
const SKIP = REDIS_URL ? false : "REDIS_URL is unset: skipping Redis-backed rate-limit tests (set REDIS_URL=redis://127.0.0.1:6379 to run them)";
if (SKIP) console.log(`# ${SKIP}`);

async function commandCalls(client: Redis, command: string): Promise<number> {
  const info = await client.info("commandstats");
  const match = new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(info);
  return match ? Number(match[1]) : 0;
}

describe("@upstash/ratelimit over ioredis (real Redis)", { skip: SKIP }, () => {
  const clients: Redis[] = [];
  const connect = () => {
    const client = new Redis(REDIS_URL!, { maxRetriesPerRequest: 1 });
    clients.push(client);
    return client;
  };
  // A fresh prefix per run keeps runs (and parallel CI jobs) apart.
  const prefix = `switchboard-test:${randomUUID()}`;

  after(async () => {
    const [first] = clients;
    if (first) {
      const keys = await first.keys(`${prefix}*`);
      if (keys.length > 0) await first.del(...keys);
    }
    await Promise.all(clients.map((client) => client.quit()));
  });

  it("enforces a sliding window and reports limit, remaining and reset", async () => {
    const limiter = createUpstashSlidingWindowLimiter(createRatelimitRedisAdapter(connect()), "redis", prefix, LIMITER_TIMEOUT_MS);
    const policy = { limit: 3, windowSeconds: 60 };
    const answers = [];
    for (let index = 0; index < 4; index += 1) answers.push(await limiter.limit("key:a", policy));
    assert.deepEqual(answers.map((a) => [a.success, a.limit, a.remaining]), [[true, 3, 2], [true, 3, 1], [true, 3, 0], [false, 3, 0]]);
    const windowEnd = (Math.floor(Date.now() / 60_000) + 1) * 60_000;
    assert.ok(Math.abs(answers[3].reset - windowEnd) <= 60_000, "reset is the end of the current window");
    assert.equal((await limiter.peek("key:a", policy)).success, false);
    assert.equal((await limiter.peek("key:b", policy)).remaining, 3, "another identifier has its own budget");
  });

  it("shares one budget between two hub instances on the same Redis", async () => {
    const instanceA = createUpstashSlidingWindowLimiter(createRatelimitRedisAdapter(connect()), "redis", prefix, LIMITER_TIMEOUT_MS);
    const instanceB = createUpstashSlidingWindowLimiter(createRatelimitRedisAdapter(connect()), "redis", prefix, LIMITER_TIMEOUT_MS);
    const policy = { limit: 10, windowSeconds: 60 };
    let allowed = 0;
    for (let index = 0; index < 10; index += 1) {
      const [a, b] = await Promise.all([instanceA.limit("key:shared", policy), instanceB.limit("key:shared", policy)]);
      allowed += Number(a.success) + Number(b.success);
    }
    assert.equal(allowed, 10, "20 calls across two instances, 10 allowed in total");
  });

  it("lets calls through again as the window slides", async () => {
    const limiter = createUpstashSlidingWindowLimiter(createRatelimitRedisAdapter(connect()), "redis", prefix, LIMITER_TIMEOUT_MS);
    const policy = { limit: 2, windowSeconds: 1 };
    // Start right after a window boundary so the two windows below are clean.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
    assert.deepEqual([(await limiter.limit("key:slide", policy)).success, (await limiter.limit("key:slide", policy)).success, (await limiter.limit("key:slide", policy)).success], [true, true, false]);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    assert.equal((await limiter.limit("key:slide", policy)).success, true, "two windows later the budget is back");
  });

  it("runs the library's scripts on Redis 7.0 with one EVALSHA per decision after the first EVAL", async () => {
    const observer = connect();
    const limiter = createUpstashSlidingWindowLimiter(createRatelimitRedisAdapter(connect()), "redis", prefix, LIMITER_TIMEOUT_MS);
    const policy = { limit: 100, windowSeconds: 60 };
    await limiter.limit("key:stats", policy);
    const [evalBefore, evalshaBefore] = [await commandCalls(observer, "eval"), await commandCalls(observer, "evalsha")];
    for (let index = 0; index < 10; index += 1) await limiter.limit("key:stats", policy);
    assert.equal(await commandCalls(observer, "eval"), evalBefore);
    assert.equal(await commandCalls(observer, "evalsha"), evalshaBefore + 10);
  });

  it("decisions asked in one turn reach Redis in one read, each answered as if asked in turn", async () => {
    const observer = connect();
    const limiter = onHubConnection();
    const policy = { limit: 100, windowSeconds: 60 };
    await limiter.limit("key:together", policy);
    const readsBefore = await readsProcessed(observer);
    const evalshaBefore = await commandCalls(observer, "evalsha");
    // Each asked from a callback of its own in one turn, as the hub reads requests from several sockets.
    const answers = await Promise.all(Array.from({ length: 10 }, () => new Promise<Awaited<ReturnType<typeof limiter.limit>>>((resolve, reject) => setImmediate(() => limiter.limit("key:together", policy).then(resolve, reject)))));
    // The observer's own INFO commands are reads too: two of them between the counts.
    assert.ok((await readsProcessed(observer)) - readsBefore <= 3, "ten decisions, one read (not ten)");
    assert.equal(await commandCalls(observer, "evalsha"), evalshaBefore + 10, "each decision is still its own script run");
    assert.deepEqual(answers.map((answer) => [answer.success, answer.remaining]), Array.from({ length: 10 }, (_, index) => [true, 98 - index]));
  });

  it("decisions asked together at the edge of the budget: exactly the budget is allowed, the refused take nothing", async () => {
    const observer = connect();
    const limiter = onHubConnection();
    const policy = { limit: 5, windowSeconds: 60 };
    for (let index = 0; index < 3; index += 1) await limiter.limit("key:edge", policy);
    const answers = await Promise.all(Array.from({ length: 4 }, () => limiter.limit("key:edge", policy)));
    assert.deepEqual(answers.map((answer) => [answer.success, answer.remaining]), [[true, 1], [true, 0], [false, 0], [false, 0]]);
    assert.equal(await windowCount(observer, "key:edge", policy), 5);
  });

  /** A limiter on a connection with the hub's own settings (enableAutoPipelining: what is sent together is written together). */
  function onHubConnection() {
    const client = createRedisConnection(REDIS_URL!);
    clients.push(client);
    return createUpstashSlidingWindowLimiter(createRatelimitRedisAdapter(client), "redis", prefix, LIMITER_TIMEOUT_MS);
  }

  async function readsProcessed(observer: Redis): Promise<number> {
    return Number(/total_reads_processed:(\d+)/.exec(await observer.info("stats"))?.[1]);
  }

  /** The calls counted in the current window of a budget (as the library keys it: prefix, window, identifier, window number). */
  async function windowCount(observer: Redis, identifier: string, policy: { windowSeconds: number }): Promise<number> {
    const window = Math.floor(Date.now() / (policy.windowSeconds * 1000));
    return Number(await observer.get(`${prefix}:${policy.windowSeconds}s:${identifier}:${window}`));
  }

  it("answers the very first call after start-up from Redis (waits for the connection, no offline queue)", async () => {
    const client = createRedisConnection(REDIS_URL!);
    clients.push(client);
    assert.notEqual(client.status, "ready");
    const limiter = createUpstashSlidingWindowLimiter(createRatelimitRedisAdapter(client), "redis", prefix, LIMITER_TIMEOUT_MS);
    const answer = await limiter.limit("key:first", { limit: 5, windowSeconds: 60 });
    assert.deepEqual([answer.success, answer.remaining], [true, 4]);
  });

  it("fails open to the in-process limiter while its connection is down, and returns to Redis after", async () => {
    const client = createRedisConnection(REDIS_URL!);
    clients.push(client);
    const limiter = createFailoverLimiter({
      primary: createUpstashSlidingWindowLimiter(createRatelimitRedisAdapter(client), "redis", prefix, LIMITER_TIMEOUT_MS),
      fallback: createMemorySlidingWindowLimiter(),
      failureMode: "open",
      // Probe Redis again on the next call after a failure (the default skips it for 3 s).
      openMs: 0,
    });
    const policy = { limit: 50, windowSeconds: 60 };
    assert.equal((await limiter.limit("key:outage", policy)).remaining, 49);
    const failures = async () => (await getMetrics().rateLimitBackendFailures.get()).values.find((v) => v.labels.failure_mode === "open")?.value ?? 0;
    const failuresBefore = await failures();
    const id = await client.client("ID");
    await connect().client("KILL", "ID", String(id));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const during = await limiter.limit("key:outage", policy);
    assert.deepEqual([during.success, during.remaining], [true, 49], "answered by the fresh in-process limiter");
    assert.equal((await failures()) - failuresBefore, 1);
    await new Promise((resolve) => client.status === "ready" ? resolve(undefined) : client.once("ready", resolve));
    assert.equal((await limiter.limit("key:outage", policy)).remaining, 48, "back on the shared count in Redis");
  });

  it("recovers when Redis forgets its scripts (SCRIPT FLUSH, restart)", async () => {
    const limiter = createUpstashSlidingWindowLimiter(createRatelimitRedisAdapter(connect()), "redis", prefix, LIMITER_TIMEOUT_MS);
    const policy = { limit: 5, windowSeconds: 60 };
    await limiter.limit("key:flush", policy);
    await connect().script("FLUSH");
    const answer = await limiter.limit("key:flush", policy);
    assert.deepEqual([answer.success, answer.remaining], [true, 3]);
  });
});

describe("rate-limit backend failure modes (Redis unreachable)", () => {
  let unreachable: Redis;
  before(() => {
    unreachable = createRedisConnection("redis://127.0.0.1:1");
  });
  after(() => unreachable.disconnect());

  const policy = { limit: 2, windowSeconds: 60 };

  it("open: falls back to the in-process limiter, counts the failure once and skips Redis while the breaker is open", async () => {
    const failures = getMetrics().rateLimitBackendFailures;
    const before = (await failures.get()).values.find((v) => v.labels.failure_mode === "open")?.value ?? 0;
    const limiter = createFailoverLimiter({
      primary: createUpstashSlidingWindowLimiter(createRatelimitRedisAdapter(unreachable), "redis"),
      fallback: createMemorySlidingWindowLimiter(),
      failureMode: "open",
    });
    const answers = [await limiter.limit("key:x", policy), await limiter.limit("key:x", policy), await limiter.limit("key:x", policy)];
    assert.deepEqual(answers.map((a) => a.success), [true, true, false], "the local limiter still limits");
    const afterCount = (await failures.get()).values.find((v) => v.labels.failure_mode === "open")?.value ?? 0;
    assert.equal(afterCount - before, 1, "the second and third calls did not try Redis");
  });

  it("closed: refuses with 503 unavailable, Retry-After and a clear message", async () => {
    const limiter = createFailoverLimiter({
      primary: createUpstashSlidingWindowLimiter(createRatelimitRedisAdapter(unreachable), "redis"),
      fallback: createMemorySlidingWindowLimiter(),
      failureMode: "closed",
    });
    const error = await limiter.limit("key:y", policy).then(() => null, (err: unknown) => err);
    const reply = toErrorReply(error);
    assert.equal(reply.status, 503);
    assert.deepEqual(reply.body, { error: { code: "unavailable", message: "Rate limiting is temporarily unavailable; retry in 3 s" } });
    assert.equal(reply.headers["Retry-After"], "3");
  });
});
