import pg from "pg";
import { logger } from "@/lib/log/logger";

const globalForPool = globalThis as unknown as { switchboardDatabasePool?: pg.Pool };

/**
 * The process's one Postgres pool, from process.env.DATABASE_URL (set by prepareDatabase() when
 * the embedded Postgres is used). Prisma runs on it (getPrisma); hot raw statements that gain
 * nothing from Prisma's engine use it directly (the call-log writer's batch insert, whose one
 * large parameter Prisma would copy through its query engine on the event loop). Ended by
 * disconnectPrisma().
 */
export function getDatabasePool(): pg.Pool {
  if (globalForPool.switchboardDatabasePool) return globalForPool.switchboardDatabasePool;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: call prepareDatabase() before using the database");
  // The adapter writes Dates as zone-less text and reads timestamptz as UTC: pin the session to
  // UTC so a server (or database) with another TimeZone setting cannot shift every timestamp.
  // A connect that hangs (host gone, not refusing) gives up after 2 s: an outage must answer 503
  // quickly rather than hold requests for the OS's TCP timeout.
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 2_000, options: "-c TimeZone=UTC" });
  // An idle connection that the server drops (restart, outage) emits "error" on the pool; unheard,
  // it would crash the process. The next query opens a fresh connection (or fails, and says so).
  pool.on("error", (error) => logger.warn({ event: "database_idle_connection_lost", err: error.message }, "An idle database connection was closed"));
  globalForPool.switchboardDatabasePool = pool;
  return pool;
}
