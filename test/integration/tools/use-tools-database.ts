import { after, before } from "node:test";
import { disconnectPrisma } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";

/**
 * Gives the calling test file a fresh migrated database for its lifetime, then runs `seed` (one
 * before hook: node 20 does not wait for one root hook before starting the next).
 */
export function useToolsDatabase(seed?: () => Promise<unknown>): void {
  let database: TestDatabase | undefined;
  before(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    await seed?.();
  });
  after(async () => {
    await disconnectPrisma();
    await database?.drop();
  });
}
