/**
 * Wraps an aggregate query (selecting `at` = date_bin($3, …, 'epoch') plus `columns`) so every
 * chart bucket from $1 to $2 (step $3) is present, zero where the aggregate has no row.
 * Parameters: $1 from, $2 to (timestamptz), $3 bucket interval; the aggregate may use more.
 */
export function zeroFilledSeriesSql(aggregateSql: string, columns: readonly string[]): string {
  const selected = columns.map((column) => `COALESCE(agg."${column}", 0)::bigint AS "${column}"`).join(", ");
  return `WITH agg AS (${aggregateSql})
    SELECT series.at, ${selected}
    FROM generate_series(date_bin($3::interval, $1::timestamptz, 'epoch'), $2::timestamptz, $3::interval) AS series(at)
    LEFT JOIN agg ON agg.at = series.at
    ORDER BY series.at`;
}
