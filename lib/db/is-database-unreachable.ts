// Driver-adapter kinds (Prisma 7 + adapter-pg), Prisma codes and socket/Postgres codes that mean
// "the database cannot answer right now", as opposed to a bad query or a constraint.
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseAccessDenied"]);
const UNREACHABLE_CODES = new Set([
  "P1001", "P1002", "P1008", "P1017", "P2024",
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH",
  // Postgres: admin_shutdown, crash_shutdown, cannot_connect_now, connection exceptions.
  "57P01", "57P02", "57P03", "08000", "08003", "08006", "08001", "08004",
]);
const UNREACHABLE_MESSAGE = /Can't reach database server|Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * Whether an error (from Prisma, pg or a socket, however deeply wrapped) says the database is
 * unreachable, as opposed to a fault in the query or the data. Such errors become 503 +
 * Retry-After, and one outage log line instead of a stack per request.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const candidate = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof candidate.kind === "string" && UNREACHABLE_KINDS.has(candidate.kind)) return true;
  if (typeof candidate.code === "string" && UNREACHABLE_CODES.has(candidate.code)) return true;
  if (typeof candidate.message === "string" && UNREACHABLE_MESSAGE.test(candidate.message)) return true;
  return isDatabaseUnreachable(candidate.cause, depth + 1) || isDatabaseUnreachable(candidate.meta?.driverAdapterError, depth + 1);
}
