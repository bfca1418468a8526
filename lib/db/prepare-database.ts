import { DatabaseSetupError } from "@/lib/db/database-setup-error";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { startEmbeddedPostgres, type EmbeddedOwnerKind } from "@/lib/db/start-embedded-postgres";
import { getEnv } from "@/lib/env";

export interface PreparedDatabase {
  url: string;
  /** True when the URL points at the embedded Postgres of the data folder. */
  embedded: boolean;
  /** Stops the embedded Postgres if this process started it; otherwise does nothing. */
  stop(): Promise<void>;
}

export interface PrepareDatabaseOptions {
  /** "hub" (default) refuses a data folder another live hub uses; "cli" joins that hub's server. */
  owner?: EmbeddedOwnerKind;
  onProgress?: (message: string) => void;
}

/**
 * Makes the database usable: DATABASE_URL when set, else the embedded Postgres under
 * <dataDir>/pg (started, joined or recovered; process.env.DATABASE_URL is set to it), then applies
 * pending migrations. Throws DatabaseSetupError with a one-line message (e.g. an unreachable
 * external server names its host and the fix). Call stop() on shutdown, after the last query.
 */
export async function prepareDatabase(options: PrepareDatabaseOptions = {}): Promise<PreparedDatabase> {
  const env = getEnv();
  const external = process.env.DATABASE_URL || undefined;
  if (external) {
    await migrateDatabase(external, { onProgress: options.onProgress });
    return { url: external, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: env.dataDir, owner: options.owner ?? "hub", onProgress: options.onProgress });
  try {
    await migrateDatabase(server.url, { onProgress: options.onProgress });
  } catch (error) {
    await server.stop().catch(() => {});
    throw error instanceof DatabaseSetupError ? error : new DatabaseSetupError(`Migrating the embedded database failed: ${String(error)}`, { cause: error });
  }
  process.env.DATABASE_URL = server.url;
  return { url: server.url, embedded: true, stop: server.stop };
}
