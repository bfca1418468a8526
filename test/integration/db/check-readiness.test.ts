import assert from "node:assert/strict";
import { after, test } from "node:test";
import pg from "pg";
import { checkReadiness } from "@/lib/db/check-readiness";
import { disconnectPrisma } from "@/lib/db/prisma";
import { createTestDatabase } from "@/test/helpers/test-database";

after(() => disconnectPrisma());

async function readinessAt(url: string) {
  await disconnectPrisma();
  process.env.DATABASE_URL = url;
  return checkReadiness();
}

test("ready when every migration is applied; not ready when one is missing or none are", async () => {
  const database = await createTestDatabase();
  try {
    assert.deepEqual(await readinessAt(database.url), { ok: true, database: true, migrations: true });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`);
    assert.deepEqual(await readinessAt(database.url), { ok: false, database: true, migrations: false, message: "1 migration(s) pending" });
    await client.query(`DROP TABLE "_prisma_migrations"`);
    await client.end();
    assert.deepEqual(await readinessAt(database.url), { ok: false, database: true, migrations: false, message: "Database migrations have not been applied" });
  } finally {
    await disconnectPrisma();
    await database.drop();
  }
});

test("not ready when the database is unreachable, without naming the host", async () => {
  assert.deepEqual(await readinessAt("postgresql://postgres@127.0.0.1:1/none"), {
    ok: false,
    database: false,
    migrations: false,
    message: "Database unreachable",
  });
});
