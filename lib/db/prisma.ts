import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { switchboardPrisma?: PrismaClient };

/**
 * The single Prisma client of the process, created on first use from process.env.DATABASE_URL
 * (set by prepareDatabase() when the embedded Postgres is used). Kept on globalThis so the Node
 * server and Next's bundles share one pool.
 */
export function getPrisma(): PrismaClient {
  if (globalForPrisma.switchboardPrisma) return globalForPrisma.switchboardPrisma;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: call prepareDatabase() before using the database");
  // The adapter writes Dates as zone-less text and reads timestamptz as UTC: pin the session to
  // UTC so a server (or database) with another TimeZone setting cannot shift every timestamp.
  // A connect that hangs (host gone, not refusing) gives up after 2 s: an outage must answer 503
  // quickly rather than hold requests for the OS's TCP timeout.
  const adapter = new PrismaPg({ connectionString, max: 10, connectionTimeoutMillis: 2_000, options: "-c TimeZone=UTC" });
  globalForPrisma.switchboardPrisma = new PrismaClient({ adapter });
  return globalForPrisma.switchboardPrisma;
}

/** Closes the pool; the next getPrisma() opens a new one. */
export async function disconnectPrisma(): Promise<void> {
  const client = globalForPrisma.switchboardPrisma;
  globalForPrisma.switchboardPrisma = undefined;
  await client?.$disconnect();
}
