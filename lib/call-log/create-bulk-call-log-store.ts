import type { CallLogStore } from "@/lib/call-log/call-log-writer";
import { getPrisma } from "@/lib/db/prisma";

/**
 * The shared Prisma client as a CallLogStore. The writer itself now inserts each batch with one
 * constant `INSERT … SELECT * FROM unnest(<one array per column>)` (createMany cost ~260 µs CPU per
 * row here; this ~14 µs), so this equals the default store; kept for callers that pass it
 * explicitly to startCallLogWriter({ store }).
 */
export function createBulkCallLogStore(): CallLogStore {
  return { $executeRawUnsafe: (query, ...values) => getPrisma().$executeRawUnsafe(query, ...values) };
}
