import type { CallLogRow, CallLogStore } from "@/lib/call-log/call-log-writer";
import { getPrisma } from "@/lib/db/prisma";

// Column → Postgres array type, in insert order. `as const` keeps the list and the SQL in step.
const COLUMNS = [
  ["at", "timestamptz"],
  ["userId", "uuid"],
  ["apiKeyId", "uuid"],
  ["keyPrefix", "text"],
  ["sessionId", "text"],
  ["transport", "text"],
  ["clientName", "text"],
  ["clientVersion", "text"],
  ["toolName", "text"],
  ["toolVersion", "text"],
  ["status", '"CallStatus"'],
  ["durationMs", "float8"],
  ["requestBytes", "int4"],
  ["resultBytes", "int4"],
  ["errorCode", "text"],
] as const satisfies ReadonlyArray<readonly [keyof CallLogRow, string]>;

const INSERT_SQL = `INSERT INTO "CallLog" (${COLUMNS.map(([name]) => `"${name}"`).join(", ")}) SELECT * FROM unnest(${COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ")})`;

/**
 * A CallLogStore that writes a whole batch as one `INSERT … SELECT * FROM unnest(<one array per
 * column>)` with a constant statement text. Measured on this machine: Prisma's createMany spends
 * about 260 µs of CPU per row compiling the batch (it dominated the hub's cost per tools/call);
 * this statement costs about 14 µs per row. Pass it as startCallLogWriter({ store }).
 */
export function createBulkCallLogStore(): CallLogStore {
  return {
    callLog: {
      createMany: async ({ data }: { data: CallLogRow[] }) => {
        if (data.length === 0) return 0;
        const columns = COLUMNS.map(([name]) => data.map((row) => row[name]));
        return getPrisma().$executeRawUnsafe(INSERT_SQL, ...columns);
      },
    },
  };
}
