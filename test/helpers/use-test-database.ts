import { after, before } from "node:test";
import { disconnectPrisma } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";

/**
 * For a test file whose services use getPrisma(): creates a fresh migrated database before the
 * tests, points process.env.DATABASE_URL at it, and disconnects and drops it afterwards.
 * Read `.url` inside tests (it is set once `before` has run).
 */
export function useTestDatabase(): { readonly url: string } {
  let database: TestDatabase | undefined;
  before(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
  });
  after(async () => {
    await disconnectPrisma();
    await database?.drop();
  });
  return {
    get url() {
      if (!database) throw new Error("useTestDatabase(): the database exists only once before() has run");
      return database.url;
    },
  };
}
