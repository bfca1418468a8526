import { getPrisma } from "@/lib/db/prisma";
import { zeroFilledSeriesSql } from "@/lib/usage/zero-filled-series-sql";
import { usageWindow, type UsageQuery } from "@/lib/usage/usage-ranges";

export interface ViolationsOverTimePoint {
  at: Date;
  /** Refusals of an API key over its limit. */
  key: number;
  /** Refusals of an IP after too many failed authentications (admins only: not tied to a user). */
  authFailure: number;
}

/** Rate-limit refusals per chart bucket over the range, by kind; zero-filled. */
export async function getRateLimitViolationsOverTime(query: UsageQuery): Promise<ViolationsOverTimePoint[]> {
  const { from, to, bucketSeconds } = usageWindow(query);
  const rows = await getPrisma().$queryRawUnsafe<{ at: Date; key: bigint; authFailure: bigint }[]>(
    zeroFilledSeriesSql(
      `SELECT date_bin($3::interval, "at", 'epoch') AS at,
              count(*) FILTER (WHERE "kind" = 'key') AS "key", count(*) FILTER (WHERE "kind" = 'auth_failure') AS "authFailure"
       FROM "RateLimitEvent"
       WHERE "at" >= $1::timestamptz AND "at" < $2::timestamptz AND ($4::uuid IS NULL OR "userId" = $4::uuid)
       GROUP BY 1`,
      ["key", "authFailure"],
    ),
    from,
    to,
    `${bucketSeconds} seconds`,
    query.userId ?? null,
  );
  return rows.map((row) => ({ at: row.at, key: Number(row.key), authFailure: Number(row.authFailure) }));
}
