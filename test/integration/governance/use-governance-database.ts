import { after, before } from "node:test";
import { stopCallLogWriter } from "@/lib/call-log/call-log-writer";
import { disconnectPrisma } from "@/lib/db/prisma";
import { closeRedisClient } from "@/lib/redis/close-redis-client";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";

/**
 * Registers file-level hooks: a fresh migrated database that getPrisma() uses (before `seed`
 * runs), and on teardown the call-log writer flushed, Redis and Prisma closed, the database dropped.
 * Returns a getter for the database (set once `before` has run).
 */
export function useGovernanceDatabase(seed: () => Promise<void> = async () => {}): () => TestDatabase {
  // With REDIS_URL set, limits live in Redis, and a decision that takes longer than the production
  // 50 ms (common on a loaded test machine) is made in process instead: the counts so far stay in
  // Redis, and a refusal a test expects never comes (seen with integration files run two at a
  // time). These files test what limits decide; rate-limit-redis and redis-faults test the timeout.
  // Set here, before any test runs: getEnv() reads it once.
  process.env.SWITCHBOARD_RATE_LIMIT_TIMEOUT_MS ??= "2000";
  let database: TestDatabase | undefined;
  before(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    await seed();
  });
  after(async () => {
    await stopCallLogWriter();
    await closeRedisClient();
    await disconnectPrisma();
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error("the test database is created in before()");
    return database;
  };
}
