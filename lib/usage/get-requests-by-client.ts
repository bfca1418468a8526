import { getPrisma } from "@/lib/db/prisma";
import { selectRollupSource } from "@/lib/usage/select-rollup-source";
import { usageWindow, type UsageQuery } from "@/lib/usage/usage-ranges";

export interface ClientUsage {
  /** MCP client name from the initialize handshake; "" when the client sent none. */
  clientName: string;
  calls: number;
  errors: number;
}

/** Calls per MCP client over the range, most active first (at most `limit`, default 20). */
export async function getRequestsByClient(query: UsageQuery & { limit?: number }): Promise<ClientUsage[]> {
  const source = selectRollupSource(query, "$3");
  const { from, to } = usageWindow(query);
  const rows = await getPrisma().$queryRawUnsafe<{ clientName: string; calls: bigint; errors: bigint }[]>(
    `SELECT "clientName", sum("calls")::bigint AS calls, COALESCE(sum("calls") FILTER (WHERE "status" <> 'ok'), 0)::bigint AS errors
     FROM ${source.table}
     WHERE ${source.time} >= $1::timestamptz AND ${source.time} < $2::timestamptz AND ${source.userCondition}
     GROUP BY "clientName" ORDER BY calls DESC, "clientName" LIMIT $4`,
    from,
    to,
    query.userId ?? null,
    query.limit ?? 20,
  );
  return rows.map((row) => ({ clientName: row.clientName, calls: Number(row.calls), errors: Number(row.errors) }));
}
