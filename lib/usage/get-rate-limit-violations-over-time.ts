import { queryZeroFilledSeries } from "@/lib/usage/query-zero-filled-series";
import type { UsageQuery } from "@/lib/usage/usage-ranges";

export interface ViolationsOverTimePoint {
  at: Date;
  /** Refusals of an API key over its limit. */
  key: number;
  /** Refusals of an IP after too many failed authentications (admins only: not tied to a user). */
  authFailure: number;
}

/** Rate-limit refusals per chart bucket over the range, by kind; zero-filled. */
export async function getRateLimitViolationsOverTime(query: UsageQuery): Promise<ViolationsOverTimePoint[]> {
  return queryZeroFilledSeries(
    query,
    `SELECT date_bin($3::interval, "at", 'epoch') AS at,
            count(*) FILTER (WHERE "kind" = 'key') AS "key", count(*) FILTER (WHERE "kind" = 'auth_failure') AS "authFailure"
     FROM "RateLimitEvent"
     WHERE "at" >= $1::timestamptz AND "at" < $2::timestamptz AND ($4::uuid IS NULL OR "userId" = $4::uuid)
     GROUP BY 1`,
    ["key", "authFailure"],
  );
}
