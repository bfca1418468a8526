// SIGKILL under load: every call the hub answered has its call-log row after a restart (the rows
// are spooled in the data folder before the answers go out and replayed at start). Before the
// spool, the 250 ms of buffered rows at the kill (2–80 calls) were gone.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import pg from "pg";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { openRawMcpSession } from "./open-raw-mcp-session";

let database: TestDatabase;
let key = "";
const dataDir = mkdtempSync(path.join(os.tmpdir(), "sb-test-kill-"));
const hubs: TestHub[] = [];

before(async () => {
  database = await createTestDatabase();
  await seedAccounts(database.url, async (seed) => {
    await seed.user("kill@example.com");
    key = await seed.key("kill@example.com", "kill", { rateLimit: "100000/1m" });
  });
});
after(async () => {
  for (const hub of hubs) if (hub.process.exitCode === null) hub.process.kill("SIGKILL");
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function countRows(sessionId: string): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return Number((await client.query<{ count: string }>(`SELECT count(*) FROM "CallLog" WHERE "sessionId" = $1`, [sessionId])).rows[0].count);
  } finally {
    await client.end();
  }
}

test("SIGKILL under load: after a restart on the same data folder, every answered call has its row", async () => {
  const first = await startTestHub({ databaseUrl: database.url, dataDir });
  hubs.push(first);
  const session = await openRawMcpSession({ port: first.port, key });
  let answered = 0;
  let sent = 0;
  let killed = false;
  const worker = async () => {
    while (!killed) {
      sent += 1;
      const reply = await session.echo(`call ${sent}`).catch(() => null);
      if (reply?.status === 200) answered += 1;
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  // Kill between two flushes of the 250 ms writer, with calls in flight.
  await new Promise((resolve) => setTimeout(resolve, 1_500 + Math.random() * 250));
  first.process.kill("SIGKILL");
  await new Promise((resolve) => first.process.once("exit", resolve));
  killed = true;
  await Promise.all(workers);
  assert.ok(answered > 20, `only ${answered} calls answered before the kill`);

  const second = await startTestHub({ databaseUrl: database.url, dataDir });
  hubs.push(second);
  const rows = await countRows(session.sessionId);
  // Calls that ran but whose answer the kill cut off may have rows too; none answered may lack one.
  assert.ok(rows >= answered, `${answered} calls answered, ${rows} rows after the restart`);
  assert.ok(rows <= sent, `${rows} rows for ${sent} calls sent: a replay doubled rows`);
  assert.equal(await second.stop(), 0);
  assert.deepEqual(readdirSync(path.join(dataDir, "call-log-spool")), [], "a clean stop leaves no spool");
});
