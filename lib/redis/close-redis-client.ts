import type { Redis } from "ioredis";

const globalForRedis = globalThis as unknown as { switchboardRedis?: Redis | null };

/** Closes the shared connection (shutdown, tests); the next getRedisClient() reconnects. */
export async function closeRedisClient(): Promise<void> {
  const client = globalForRedis.switchboardRedis;
  globalForRedis.switchboardRedis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
