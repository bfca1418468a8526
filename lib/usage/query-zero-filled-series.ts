import { getPrisma } from "@/lib/db/prisma";
import { usageWindow, type UsageQuery } from "@/lib/usage/usage-ranges";

/** One chart bucket: its start and a count per column. */
export type ZeroFilledPoint<Column extends string> = { at: Date } & Record<Column, number>;

/**
 * Runs an aggregate per chart bucket over the query's range, with every bucket present (zero where
 * the aggregate has no row), oldest first. `aggregateSql` selects `at` = date_bin($3, …, 'epoch')
 * plus `columns`, grouped by bucket; its parameters are $1 from, $2 to (timestamptz), $3 bucket
 * interval and $4 the user id to keep, or null for everyone.
 */
export async function queryZeroFilledSeries<Column extends string>(query: UsageQuery, aggregateSql: string, columns: readonly Column[]): Promise<ZeroFilledPoint<Column>[]> {
  const { from, to, bucketSeconds } = usageWindow(query);
  const selected = columns.map((column) => `COALESCE(agg."${column}", 0)::bigint AS "${column}"`).join(", ");
  const rows = await getPrisma().$queryRawUnsafe<({ at: Date } & Record<Column, bigint>)[]>(
    `WITH agg AS (${aggregateSql})
    SELECT series.at, ${selected}
    FROM generate_series(date_bin($3::interval, $1::timestamptz, 'epoch'), $2::timestamptz, $3::interval) AS series(at)
    LEFT JOIN agg ON agg.at = series.at
    ORDER BY series.at`,
    from,
    to,
    `${bucketSeconds} seconds`,
    query.userId ?? null,
  );
  return rows.map((row) => {
    const point = { at: row.at } as ZeroFilledPoint<Column>;
    for (const column of columns) (point as Record<Column, number>)[column] = Number(row[column]);
    return point;
  });
}
