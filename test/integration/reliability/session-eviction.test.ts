// Abandoned sessions (clients that crash and never DELETE) used to fill a key's session cap and
// refuse every new session with 429 until their TTL (30 min) ran out. At the cap, the key's least
// recently used idle session now makes room.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { openRawMcpSession } from "./open-raw-mcp-session";

let database: TestDatabase;
let hub: TestHub | undefined;
let key = "";

before(async () => {
  database = await createTestDatabase();
  await seedAccounts(database.url, async (seed) => {
    await seed.user("evict@example.com");
    key = await seed.key("evict@example.com", "evict");
  });
  hub = await startTestHub({ databaseUrl: database.url, env: { SWITCHBOARD_MAX_SESSIONS_PER_KEY: "3" } });
});
after(async () => {
  await hub?.stop();
  await database?.drop();
});

test("a key at its session cap gets a new session; the least recently used abandoned one is closed (404), the others live on", async () => {
  const abandoned = [];
  for (let index = 0; index < 3; index++) {
    const session = await openRawMcpSession({ port: hub!.port, key });
    assert.equal((await session.echo(`used ${index}`)).status, 200);
    abandoned.push(session);
  }
  // The first one is used again: the second is now the least recently used.
  assert.equal((await abandoned[0].echo("again")).status, 200);
  const fresh = await openRawMcpSession({ port: hub!.port, key });
  assert.equal((await fresh.echo("fresh")).status, 200);
  assert.equal((await abandoned[1].echo("evicted?")).status, 404);
  assert.equal((await abandoned[0].echo("still here")).status, 200);
  assert.equal((await abandoned[2].echo("still here")).status, 200);
});
