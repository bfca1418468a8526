import { LATENCY_BUCKET_BOUNDS_MS } from "@/lib/call-log/latency-buckets";

/**
 * SQL for the element-wise sum of "buckets" histogram arrays over a GROUP BY (Postgres arrays
 * are 1-based), either as one int[] expression or as columns b0, b1, … . `filter` is a constant
 * SQL condition (never user input) applied to every sum.
 */
export function sumBucketsSql(options: { filter?: string; as: "array" | "columns" }): string {
  const filter = options.filter ? ` FILTER (WHERE ${options.filter})` : "";
  const sums = Array.from({ length: LATENCY_BUCKET_BOUNDS_MS.length + 1 }, (_, index) => `COALESCE(sum("buckets"[${index + 1}])${filter}, 0)`);
  return options.as === "array" ? `ARRAY[${sums.map((sum) => `${sum}::int`).join(", ")}]` : sums.map((sum, index) => `${sum}::bigint AS b${index}`).join(", ");
}
