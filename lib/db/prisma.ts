import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { getDatabasePool } from "@/lib/db/get-database-pool";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { switchboardPrisma?: PrismaClient; switchboardDatabasePool?: pg.Pool };

/**
 * The single Prisma client of the process, on the process's database pool (getDatabasePool).
 * Kept on globalThis so the Node server and Next's bundles share one pool.
 */
export function getPrisma(): PrismaClient {
  if (globalForPrisma.switchboardPrisma) return globalForPrisma.switchboardPrisma;
  // disposeExternalPool: $disconnect ends the pool, as it did when the adapter owned it.
  const adapter = new PrismaPg(getDatabasePool(), { disposeExternalPool: true });
  globalForPrisma.switchboardPrisma = new PrismaClient({ adapter });
  return globalForPrisma.switchboardPrisma;
}

/** Closes the pool; the next getPrisma() or getDatabasePool() opens a new one. */
export async function disconnectPrisma(): Promise<void> {
  const client = globalForPrisma.switchboardPrisma;
  const pool = globalForPrisma.switchboardDatabasePool;
  globalForPrisma.switchboardPrisma = undefined;
  globalForPrisma.switchboardDatabasePool = undefined;
  // A pool used without Prisma (the call-log writer's) is ended here; Prisma's ends with it.
  if (client) await client.$disconnect();
  else await pool?.end();
}
