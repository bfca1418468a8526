import { createApiKey } from "@/lib/api-keys/create-api-key";
import { disconnectPrisma } from "@/lib/db/prisma";
import { Role } from "@/lib/generated/prisma/enums";
import { createUser } from "@/lib/users/create-user";
import type { UserSummary } from "@/lib/users/user-summary";
import { createTestDatabase } from "@/test/helpers/test-database";
import { startApiTestHub, type ApiTestHub } from "./start-api-test-hub";

export const TEST_PASSWORD = "correct horse battery staple";

/** A seeded user with a key of their own. */
export interface SeededUser {
  user: UserSummary;
  key: string;
  keyId: string;
}

export interface ApiTestEnvironment {
  hub: ApiTestHub;
  /** The first user (so an admin), with an API key. */
  admin: SeededUser;
  /** A member, with an API key. */
  member: SeededUser;
  /** Creates a user with a password and an API key (options go to createApiKey). */
  seedUser(email: string, role: Role, key?: { allowedTools?: string[]; rateLimitPolicy?: string; expiresAt?: Date }): Promise<SeededUser>;
  stop(): Promise<void>;
}

/**
 * A fresh database, an admin and a member (each with a key; generous limits so the tests never
 * trip them by accident), and the hub with the console on. This process seeds through the same
 * lib services the hub uses, on the same database. `env` adds or overrides hub settings.
 */
export async function startApiTestEnvironment(env: Record<string, string> = {}): Promise<ApiTestEnvironment> {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const seedUser: ApiTestEnvironment["seedUser"] = async (email, role, key = {}) => {
    const user = await createUser({ email, password: TEST_PASSWORD, role });
    const created = await createApiKey({ userId: user.id, name: `${email} script`, rateLimitPolicy: key.rateLimitPolicy ?? "1000/1m", allowedTools: key.allowedTools, expiresAt: key.expiresAt });
    return { user, key: created.secret, keyId: created.key.id };
  };
  let hub: ApiTestHub | undefined;
  try {
    const admin = await seedUser("admin@example.test", Role.admin);
    const member = await seedUser("member@example.test", Role.member);
    hub = await startApiTestHub({ databaseUrl: database.url, env });
    const started = hub;
    return {
      hub: started,
      admin,
      member,
      seedUser,
      stop: async () => {
        await started.stop();
        await disconnectPrisma();
        await database.drop();
      },
    };
  } catch (error) {
    await hub?.stop();
    await disconnectPrisma();
    await database.drop();
    throw error;
  }
}
