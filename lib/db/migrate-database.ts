import { randomUUID } from "node:crypto";
import pg from "pg";
import { DatabaseSetupError } from "@/lib/db/database-setup-error";
import { describeConnectionFailure } from "@/lib/db/describe-connection-failure";
import { listMigrationFiles } from "@/lib/db/list-migration-files";

// The advisory lock key `prisma migrate deploy` takes, so our runner and Prisma's exclude each
// other as well as two hub instances starting together.
const PRISMA_MIGRATION_LOCK_KEY = 72707369;

// Prisma's own definition, so `prisma migrate deploy/status` read our rows as applied migrations.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateOptions {
  /** Receives one human-readable line per step (the CLI prints them on stderr). */
  onProgress?: (message: string) => void;
  /** Defaults to prisma/migrations. */
  migrationsDirectory?: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies every `prisma/migrations/<name>/migration.sql` not yet recorded in `_prisma_migrations`,
 * in name order, each in its own transaction together with its bookkeeping row. Holds Prisma's
 * advisory lock for the whole run so concurrent starters apply each migration once. Throws
 * DatabaseSetupError (one line) when the server is unreachable, an applied migration's file was
 * edited (checksum differs), a previous attempt is marked failed, or a migration's SQL fails.
 */
export async function migrateDatabase(url: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const report = options.onProgress ?? (() => {});
  const files = await listMigrationFiles(options.migrationsDirectory);
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // a dropped connection surfaces through the pending query
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseSetupError(describeConnectionFailure(url, error), { cause: error });
  }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATION_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const recorded = new Map(rows.map((row) => [row.migration_name, row]));
    const applied: string[] = [];
    let alreadyApplied = 0;
    for (const file of files) {
      const row = recorded.get(file.name);
      if (row && row.finished_at === null) {
        throw new DatabaseSetupError(
          `Migration ${file.name} is recorded as failed in _prisma_migrations: fix the database by hand, then mark it rolled back (prisma migrate resolve --rolled-back ${file.name}).`,
        );
      }
      if (row) {
        if (row.checksum !== file.checksum) {
          throw new DatabaseSetupError(
            `Migration ${file.name} was modified after it was applied (checksum differs): restore prisma/migrations/${file.name}/migration.sql and put changes in a new migration.`,
          );
        }
        alreadyApplied += 1;
        continue;
      }
      report(`Applying migration ${file.name}`);
      await applyMigration(client, file.name, file.sql, file.checksum);
      applied.push(file.name);
    }
    report(applied.length ? `Applied ${applied.length} migration(s)` : `Database is up to date (${alreadyApplied} migration(s) applied)`);
    return { applied, alreadyApplied };
  } finally {
    // Closing the session releases the advisory lock too, even when the unlock query cannot run.
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}

async function applyMigration(client: pg.Client, name: string, sql: string, checksum: string): Promise<void> {
  await client.query("BEGIN");
  try {
    const id = randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, checksum, name],
    );
    await client.query(sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new DatabaseSetupError(`Migration ${name} failed and was rolled back: ${message}`, { cause: error });
  }
}
