import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface MigrationFile {
  /** Folder name, e.g. "20261124100000_init"; also the `migration_name` Prisma records. */
  name: string;
  sql: string;
  /** SHA-256 hex of the file, exactly as Prisma computes `_prisma_migrations.checksum`. */
  checksum: string;
}

/**
 * The migrations in Prisma's layout (`prisma/migrations/<name>/migration.sql`), sorted by name.
 * The folder is looked up from the working directory first (npm scripts run at the repo root;
 * Next's bundles have no stable module path), then relative to this file.
 */
export async function listMigrationFiles(directory = findMigrationsDirectory()): Promise<MigrationFile[]> {
  // turbopackIgnore: a runtime folder, not a build input; without it Turbopack traces the whole project and warns.
  const entries = await readdir(/* turbopackIgnore: true */ directory, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(directory, name, "migration.sql");
    if (!existsSync(file)) continue;
    const bytes = await readFile(file);
    files.push({ name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") });
  }
  return files;
}

function findMigrationsDirectory(): string {
  const fromCwd = path.resolve("prisma", "migrations");
  if (existsSync(fromCwd)) return fromCwd;
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "prisma", "migrations");
}
