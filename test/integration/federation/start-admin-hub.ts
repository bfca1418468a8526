import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { disconnectPrisma } from "@/lib/db/prisma";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { connectHubClient } from "@/test/integration/federation/connect-hub-client";

export interface AdminHub {
  database: TestDatabase;
  hub: TestHub;
  /** An admin's SDK client over Streamable HTTP. */
  client: Client;
  /** Closes the client, stops the hub (if still running) and drops the database. */
  stop(): Promise<void>;
}

/**
 * A fresh database with one admin (a key on a generous limit), a real hub on it with the given
 * secret key, and that admin's client connected; getPrisma() reads the same database meanwhile
 * (process.env.DATABASE_URL), for the status rows the tests look at.
 */
export async function startAdminHub(secretKey: string): Promise<AdminHub> {
  const database = await createTestDatabase();
  const key = await seedAccounts(database.url, async (seed) => {
    await seed.user("admin@example.com", "admin");
    return seed.key("admin@example.com", "admin", { rateLimit: "10000/1m" });
  });
  process.env.DATABASE_URL = database.url;
  const hub = await startTestHub({ databaseUrl: database.url, env: { SWITCHBOARD_SECRET_KEY: secretKey } });
  const client = await connectHubClient(hub.url, "streamable", key);
  return {
    database,
    hub,
    client,
    async stop() {
      await client.close().catch(() => {});
      await hub.stop();
      await disconnectPrisma();
      await database.drop();
    },
  };
}
