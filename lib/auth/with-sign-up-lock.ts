import { getPrisma } from "@/lib/db/prisma";

/** Arbitrary constant naming the "account creation" advisory lock ("sb-users" in hex-ish). */
const SIGN_UP_LOCK_KEY = 0x5b05e125;

/**
 * Runs `create` while holding a Postgres advisory lock, passing the number of users that exist
 * at that moment. Two people signing up at once on an empty hub are serialised, so exactly one
 * of them becomes the first admin. The lock lives in its own transaction, held until `create`
 * (which may commit on another connection) has finished.
 */
export async function withSignUpLock<T>(create: (existingUsers: number) => Promise<T>): Promise<T> {
  return getPrisma().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGN_UP_LOCK_KEY})`;
      const existingUsers = await tx.user.count();
      return create(existingUsers);
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}
