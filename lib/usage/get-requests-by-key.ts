import { getPrisma } from "@/lib/db/prisma";
import { usageWindow, type UsageQuery } from "@/lib/usage/usage-ranges";

export interface KeyUsage {
  apiKeyId: string;
  /** Null when the key has since been deleted. */
  keyPrefix: string | null;
  keyName: string | null;
  ownerEmail: string | null;
  calls: number;
  errors: number;
}

/** Calls per API key over the range, most active first (at most `limit`, default 20). */
export async function getRequestsByKey(query: UsageQuery & { limit?: number }): Promise<KeyUsage[]> {
  const { from, to } = usageWindow(query);
  const rows = await getPrisma().$queryRawUnsafe<{ apiKeyId: string; keyPrefix: string | null; keyName: string | null; ownerEmail: string | null; calls: bigint; errors: bigint }[]>(
    `WITH agg AS (
       SELECT "apiKeyId", sum("calls") AS calls, COALESCE(sum("calls") FILTER (WHERE "status" <> 'ok'), 0) AS errors
       FROM "CallRollup"
       WHERE "minute" >= $1::timestamptz AND "minute" < $2::timestamptz AND ($3::uuid IS NULL OR "userId" = $3::uuid)
       GROUP BY "apiKeyId" ORDER BY calls DESC LIMIT $4)
     SELECT agg."apiKeyId"::text AS "apiKeyId", k."prefix" AS "keyPrefix", k."name" AS "keyName", u."email" AS "ownerEmail",
            agg.calls::bigint AS calls, agg.errors::bigint AS errors
     FROM agg LEFT JOIN "ApiKey" k ON k."id" = agg."apiKeyId" LEFT JOIN "User" u ON u."id" = k."userId"
     ORDER BY agg.calls DESC`,
    from,
    to,
    query.userId ?? null,
    query.limit ?? 20,
  );
  return rows.map((row) => ({ ...row, calls: Number(row.calls), errors: Number(row.errors) }));
}
