import { getPrisma } from "@/lib/db/prisma";
import { listMigrationFiles } from "@/lib/db/list-migration-files";

export interface Readiness {
  ok: boolean;
  database: boolean;
  migrations: boolean;
  /** Why not ready; safe to show (no hosts, no SQL). */
  message?: string;
}

/**
 * For GET /api/ready: the database answers and every migration file is recorded as applied
 * (finished, not rolled back) in `_prisma_migrations`. Never throws.
 */
export async function checkReadiness(): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await getPrisma().$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    applied = new Set(rows.map((row) => row.migration_name));
  } catch (error) {
    // 42P01: the bookkeeping table does not exist yet, so the server answered but is unmigrated.
    const unmigrated = JSON.stringify(error, Object.getOwnPropertyNames(error ?? {})).includes("42P01");
    if (unmigrated) return { ok: false, database: true, migrations: false, message: "Database migrations have not been applied" };
    return { ok: false, database: false, migrations: false, message: "Database unreachable" };
  }
  try {
    const pending = (await listMigrationFiles()).filter((file) => !applied.has(file.name));
    if (pending.length) return { ok: false, database: true, migrations: false, message: `${pending.length} migration(s) pending` };
  } catch {
    return { ok: false, database: true, migrations: false, message: "Migration files not found" };
  }
  return { ok: true, database: true, migrations: true };
}
