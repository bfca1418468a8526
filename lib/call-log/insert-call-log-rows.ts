import type { CallLog } from "@/lib/generated/prisma/client";

/** One CallLog row as inserted (the id is assigned by the database). */
export type CallLogRow = Omit<CallLog, "id">;

/** Anything that runs raw SQL like Prisma (the shared client, or a test's own client). */
export interface CallLogStore {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

const COLUMNS = `"at", "userId", "apiKeyId", "keyPrefix", "sessionId", "transport", "clientName", "clientVersion",
                 "toolName", "toolVersion", "status", "durationMs", "requestBytes", "resultBytes", "errorCode", "traceParent"`;
const UNNEST = `unnest($1::timestamptz[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::text[], $10::text[], $11::"CallStatus"[], $12::float8[], $13::int[], $14::int[], $15::text[], $16::text[])`;
// One INSERT per batch with one array parameter per column: 16 bind parameters whatever the batch
// size, and no per-row query building — several times cheaper than createMany on the hot CPU.
const INSERT_SQL = `INSERT INTO "CallLog" (${COLUMNS}) SELECT * FROM ${UNNEST}`;
// Replaying a spool may meet rows whose INSERT landed just before the process died: a row with the
// same instant, session, tool and duration (a float with microsecond digits) is that row.
const INSERT_MISSING_SQL = `INSERT INTO "CallLog" (${COLUMNS})
SELECT * FROM ${UNNEST} AS x(${COLUMNS})
WHERE NOT EXISTS (SELECT 1 FROM "CallLog" c WHERE c."at" = x."at" AND c."toolName" = x."toolName"
                  AND c."durationMs" = x."durationMs" AND c."sessionId" IS NOT DISTINCT FROM x."sessionId")`;

/**
 * Inserts call-log rows in one statement. `skipExisting` (spool replay) leaves out rows that are
 * already there, so a batch written just before a crash is not counted twice.
 */
export async function insertCallLogRows(store: CallLogStore, rows: readonly CallLogRow[], options: { skipExisting?: boolean } = {}): Promise<void> {
  const column = <K extends keyof CallLogRow>(key: K) => rows.map((row) => row[key]);
  await store.$executeRawUnsafe(
    options.skipExisting ? INSERT_MISSING_SQL : INSERT_SQL,
    rows.map((row) => row.at.toISOString()),
    column("userId"), column("apiKeyId"), column("keyPrefix"), column("sessionId"), column("transport"), column("clientName"),
    column("clientVersion"), column("toolName"), column("toolVersion"), column("status"), column("durationMs"),
    column("requestBytes"), column("resultBytes"), column("errorCode"),
    // Spool segments written before the column existed carry no traceParent.
    rows.map((row) => row.traceParent ?? null),
  );
}
