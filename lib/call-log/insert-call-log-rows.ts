import type { CallLog } from "@/lib/generated/prisma/client";

/** One CallLog row as inserted (the id is assigned by the database). */
export type CallLogRow = Omit<CallLog, "id">;

/** What runs the insert: the process's pg pool (getDatabasePool), or a test's own. */
export interface CallLogStore {
  query(text: string, values: unknown[]): Promise<unknown>;
}

const COLUMNS = `"at", "kind", "userId", "apiKeyId", "keyPrefix", "sessionId", "transport", "clientName", "clientVersion",
                 "toolName", "toolVersion", "status", "durationMs", "requestBytes", "resultBytes", "errorCode", "traceParent"`;
// The rows' own JSON (JSON.stringify of a CallLogRow: keys are the column names, `at` an ISO
// instant); a key that is missing (traceParent or kind in spool segments older than the column) is
// NULL, and a missing kind is a tool call (nothing else was logged before the column).
const VALUES = COLUMNS.replace(`"kind"`, `COALESCE("kind", 'tool')`);
const RECORDS = `json_to_recordset($1::json) AS x("at" timestamptz, "kind" "CallKind", "userId" uuid, "apiKeyId" uuid, "keyPrefix" text, "sessionId" text,
                 "transport" text, "clientName" text, "clientVersion" text, "toolName" text, "toolVersion" text, "status" "CallStatus",
                 "durationMs" float8, "requestBytes" int, "resultBytes" int, "errorCode" text, "traceParent" text)`;
// One INSERT per batch with one parameter: the rows' JSON texts joined, which the writer already
// made for the spool. No per-row work on the hub beyond that join: the database parses it. Arrays
// per column through Prisma cost ~15 µs a row on the event loop, all in one chunk per batch.
const INSERT_SQL = `INSERT INTO "CallLog" (${COLUMNS}) SELECT ${VALUES} FROM ${RECORDS}`;
// Replaying a spool may meet rows whose INSERT landed just before the process died: a row with the
// same instant, session, tool and duration (a float with microsecond digits) is that row.
const INSERT_MISSING_SQL = `INSERT INTO "CallLog" (${COLUMNS})
SELECT ${VALUES} FROM ${RECORDS}
WHERE NOT EXISTS (SELECT 1 FROM "CallLog" c WHERE c."at" = x."at" AND c."toolName" = x."toolName"
                  AND c."durationMs" = x."durationMs" AND c."sessionId" IS NOT DISTINCT FROM x."sessionId")`;

/**
 * Inserts call-log rows in one statement, each given as its JSON text (JSON.stringify of the
 * CallLogRow). `skipExisting` (spool replay) leaves out rows that are already there, so a batch
 * written just before a crash is not counted twice.
 */
export async function insertCallLogRows(store: CallLogStore, rowsJson: readonly string[], options: { skipExisting?: boolean } = {}): Promise<void> {
  await store.query(options.skipExisting ? INSERT_MISSING_SQL : INSERT_SQL, [`[${rowsJson.join(",")}]`]);
}
