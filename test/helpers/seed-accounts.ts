import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { disconnectPrisma } from "@/lib/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUser } from "@/lib/users/create-user";
import { getUserByEmailOrThrow } from "@/lib/users/get-user-by-email-or-throw";

const SEEDED_PASSWORD = "correct horse battery";

export interface AccountSeeder {
  /** As `sb user create --email E --password … [--role R]` (the first user becomes admin whatever R). */
  user(email: string, role?: Role): Promise<void>;
  /** As `sb key create --email E --name N [--tools a,b] [--rate-limit P]`: resolves the secret. */
  key(email: string, name: string, options?: { tools?: string[]; rateLimit?: string }): Promise<string>;
  /** As `sb key revoke --prefix P` for this secret. */
  revoke(secret: string): Promise<void>;
}

/**
 * Seeds the users and keys a test's hub needs on `databaseUrl`, in this process through the same
 * services and CLI actor `sb user create` / `sb key create` / `sb key revoke` use. Each `sb`
 * process costs about 2 s of start-up on CI's 2 cores, and most files only need the accounts;
 * the CLI itself is tested as a user runs it in test/integration/cli/sb-cli.test.ts (and where a
 * test checks what a CLI change does to a running hub). Not for changes a running hub must hear of
 * at once (a revocation its sessions must feel): those travel on the event channel, which the CLI
 * starts and this process does not. process.env.DATABASE_URL points at `databaseUrl` meanwhile.
 */
export async function seedAccounts<T>(databaseUrl: string, seed: (accounts: AccountSeeder) => Promise<T>): Promise<T> {
  const previousUrl = process.env.DATABASE_URL;
  // getPrisma() opens its pool on process.env.DATABASE_URL: close any pool on another database first.
  await disconnectPrisma();
  process.env.DATABASE_URL = databaseUrl;
  const accounts: AccountSeeder = {
    async user(email, role) {
      await createUser({ email, password: SEEDED_PASSWORD, role, actor: CLI_ACTOR });
    },
    async key(email, name, options = {}) {
      const user = await getUserByEmailOrThrow(email);
      const { secret } = await createApiKey({ userId: user.id, name, allowedTools: options.tools ?? [], rateLimitPolicy: options.rateLimit ?? null, actor: CLI_ACTOR });
      return secret;
    },
    async revoke(secret) {
      await revokeApiKey({ prefix: secret.slice(0, 12), actor: CLI_ACTOR });
    },
  };
  try {
    return await seed(accounts);
  } finally {
    await disconnectPrisma();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }
}
