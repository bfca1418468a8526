import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import pg from "pg";
import { DatabaseSetupError } from "@/lib/db/database-setup-error";
import { listMigrationFiles } from "@/lib/db/list-migration-files";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";

// Each test works on the test database (already carrying the real migrations) with a private
// migrations folder: the real ones copied, plus the extra ones the test writes.
let database: TestDatabase;
let client: pg.Client;
const folders: string[] = [];

before(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

after(async () => {
  await client?.end();
  await database?.drop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function migrationsFolder(extra: Record<string, string>): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "sb-migrations-"));
  folders.push(folder);
  cpSync(path.resolve("prisma/migrations"), folder, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(folder, name));
    writeFileSync(path.join(folder, name, "migration.sql"), sql);
  }
  return folder;
}

test("_prisma_migrations has Prisma's columns and records the init migration as applied", async () => {
  const { rows: columns } = await client.query(
    `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
  );
  assert.deepEqual(
    columns.map((column) => `${column.column_name} ${column.data_type} ${column.is_nullable}`),
    [
      "id character varying NO",
      "checksum character varying NO",
      "finished_at timestamp with time zone YES",
      "migration_name character varying NO",
      "logs text YES",
      "rolled_back_at timestamp with time zone YES",
      "started_at timestamp with time zone NO",
      "applied_steps_count integer NO",
    ],
  );
  const { rows } = await client.query(`SELECT * FROM "_prisma_migrations" WHERE migration_name LIKE '%_init'`);
  assert.equal(rows.length, 1);
  assert.match(rows[0].id, /^[0-9a-f-]{36}$/);
  assert.match(rows[0].checksum, /^[0-9a-f]{64}$/);
  assert.ok(rows[0].finished_at instanceof Date);
  assert.equal(rows[0].rolled_back_at, null);
  assert.equal(rows[0].applied_steps_count, 1);
});

test("applies only new migrations, in name order, recording the file's SHA-256; a second run is a no-op", async () => {
  const second = `CREATE TABLE "OrderProbe" (step int); INSERT INTO "OrderProbe" VALUES (2);`;
  const folder = migrationsFolder({
    "20990101000002_second": second,
    "20990101000001_first": `CREATE TABLE "OrderProbeFirst" (step int);`,
  });
  const progress: string[] = [];
  const result = await migrateDatabase(database.url, { migrationsDirectory: folder, onProgress: (line) => progress.push(line) });
  const shipped = (await listMigrationFiles()).length;
  assert.deepEqual(result, { applied: ["20990101000001_first", "20990101000002_second"], alreadyApplied: shipped });
  assert.deepEqual(progress, ["Applying migration 20990101000001_first", "Applying migration 20990101000002_second", "Applied 2 migration(s)"]);
  const { rows } = await client.query(`SELECT checksum FROM "_prisma_migrations" WHERE migration_name = '20990101000002_second'`);
  assert.deepEqual(rows, [{ checksum: createHash("sha256").update(second).digest("hex") }]);
  assert.deepEqual(await migrateDatabase(database.url, { migrationsDirectory: folder }), { applied: [], alreadyApplied: shipped + 2 });
});

test("refuses to run when an applied migration's file changed", async () => {
  const folder = migrationsFolder({ "20990102000000_edited": `CREATE TABLE "EditProbe" (id int);` });
  await migrateDatabase(database.url, { migrationsDirectory: folder });
  writeFileSync(path.join(folder, "20990102000000_edited", "migration.sql"), `CREATE TABLE "EditProbe" (id bigint);`);
  await assert.rejects(migrateDatabase(database.url, { migrationsDirectory: folder }), (error: unknown) => {
    assert.ok(error instanceof DatabaseSetupError);
    assert.equal(
      error.message,
      "Migration 20990102000000_edited was modified after it was applied (checksum differs): restore prisma/migrations/20990102000000_edited/migration.sql and put changes in a new migration.",
    );
    return true;
  });
});

test("a failing migration is rolled back entirely and not recorded", async () => {
  const folder = migrationsFolder({ "20990103000000_broken": `CREATE TABLE "BrokenProbe" (id int); SELECT no_such_function();` });
  await assert.rejects(migrateDatabase(database.url, { migrationsDirectory: folder }), {
    name: "DatabaseSetupError",
    message: "Migration 20990103000000_broken failed and was rolled back: function no_such_function() does not exist",
  });
  const { rows } = await client.query(`SELECT to_regclass('"BrokenProbe"') AS table, (SELECT count(*)::int FROM "_prisma_migrations" WHERE migration_name = '20990103000000_broken') AS recorded`);
  assert.deepEqual(rows, [{ table: null, recorded: 0 }]);
});

test("concurrent runners apply each migration exactly once", async () => {
  // Without the advisory lock the slow CREATE TABLE would run twice and one runner would fail.
  const folder = migrationsFolder({ "20990104000000_slow": `CREATE TABLE "RaceProbe" (id int); SELECT pg_sleep(0.3);` });
  const results = await Promise.all([1, 2, 3, 4].map(() => migrateDatabase(database.url, { migrationsDirectory: folder })));
  assert.deepEqual(results.map((result) => result.applied.length).sort(), [0, 0, 0, 1]);
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = '20990104000000_slow'`);
  assert.deepEqual(rows, [{ n: 1 }]);
});

test("an unreachable server is one line naming the host", async () => {
  await assert.rejects(migrateDatabase("postgresql://postgres@127.0.0.1:1/nothing"), {
    name: "DatabaseSetupError",
    message: "Cannot reach Postgres at 127.0.0.1:1 (connection refused): start the server, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database.",
  });
});
