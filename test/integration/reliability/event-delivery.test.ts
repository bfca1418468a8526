// Every hub hears every change, whichever process made it: a hub with REDIS_URL used to listen on
// Redis only, so a CLI run without REDIS_URL (publishing on Postgres) reached no live session.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { orAfter } from "@/test/helpers/with-timeout";
import { startRedisServer, type TestRedisServer } from "@/test/helpers/start-redis-server";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { runSbCli } from "@/test/integration/mcp/run-sb-cli";
import { openRawEventStream } from "@/test/integration/mcp/open-raw-event-stream";
import { mcpHeaders } from "./open-raw-mcp-session";

let database: TestDatabase;
let redis: TestRedisServer;
let hub: TestHub | undefined;

before(async () => {
  database = await createTestDatabase();
  redis = await startRedisServer();
});
after(async () => {
  await hub?.stop();
  await redis?.stop();
  await database?.drop();
});

test("a key revoked by a CLI without REDIS_URL ends its live SSE session on a hub with REDIS_URL within a second", async () => {
  const cliEnv = { DATABASE_URL: database.url, REDIS_URL: "" };
  const key = await seedAccounts(database.url, async (seed) => {
    await seed.user("events@example.com");
    return seed.key("events@example.com", "doomed");
  });
  hub = await startTestHub({ databaseUrl: database.url, env: { REDIS_URL: redis.url } });
  // A held event stream outlives the key cache: only the key_revoked event ends it.
  const stream = await openRawEventStream({ port: hub.port, path: "/sse", headers: mcpHeaders(key) });
  assert.equal(stream.status, 200);
  try {
    await runSbCli(["key", "revoke", "--prefix", key.slice(0, 12)], cliEnv);
    const revokedAt = Date.now();
    const ended = await orAfter(stream.ended.then(() => true), 1_000, false);
    assert.ok(ended, "the session's stream was still open a second after the CLI revoked its key");
    assert.ok(Date.now() - revokedAt <= 1_000);
  } finally {
    stream.close();
  }
});
