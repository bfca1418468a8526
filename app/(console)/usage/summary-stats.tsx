import { formatCallRate } from "@/lib/console/usage/format-call-rate";
import { formatUsageValue } from "@/lib/console/usage/format-usage-value";
import type { UsageSummary } from "@/lib/console/usage/summarize-usage";

/** The range's headline numbers, as a description list of cards. */
export function SummaryStats({ summary, liveSessions }: { summary: UsageSummary; liveSessions: number }) {
  const stats = [
    { label: "Calls", value: formatUsageValue(summary.calls, "count") },
    { label: "Average rate", value: formatCallRate(summary.callsPerMinute) },
    { label: "Failed calls", value: `${formatUsageValue(summary.errors, "count")} (${formatUsageValue(summary.errorRate, "percent")})` },
    { label: "Rate-limit refusals", value: formatUsageValue(summary.rateLimitViolations, "count") },
    { label: "Live sessions now", value: formatUsageValue(liveSessions, "count") },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {stats.map((stat) => (
        <div key={stat.label} className="rounded-xl border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">{stat.label}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums">{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
