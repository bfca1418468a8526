import Link from "next/link";
import { buildSearchHref } from "@/lib/console/usage/build-search-href";
import { formatUsageValue } from "@/lib/console/usage/format-usage-value";
import type { RankedToolUsage } from "@/lib/console/usage/rank-tool-usage";

/**
 * "Slowest tools" / "Most failing tools": per tool, its upstream server ("—" for the hub's own),
 * calls, latency percentiles and failures; each tool links to its calls in the call-log browser.
 */
export function ToolRankingTable({ id, title, tools, emptyText, userId }: { id: string; title: string; tools: readonly RankedToolUsage[]; emptyText: string; userId: string | null }) {
  return (
    <section aria-labelledby={`${id}-title`} className="min-w-0 rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={`${id}-title`} className="px-4 pt-4 text-sm font-semibold">
        {title}
      </h2>
      {tools.length === 0 ? (
        <p className="px-4 pt-2 pb-4 text-sm text-zinc-500 dark:text-zinc-400">{emptyText}</p>
      ) : (
        <div className="overflow-x-auto">
          <table aria-labelledby={`${id}-title`} className="mt-2 w-full text-left text-sm tabular-nums">
            <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Tool</th>
                <th scope="col" className="px-3 py-2 font-medium">Server</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Calls</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">p50</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">p95</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">p99</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Failed</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Error rate</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {tools.map((tool) => (
                <tr key={tool.toolName}>
                  <th scope="row" className="px-4 py-2 font-mono text-xs font-normal">
                    <Link
                      href={buildSearchHref("/usage/calls", { tool: tool.toolName, user: userId })}
                      className="text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
                    >
                      {tool.toolName}
                    </Link>
                  </th>
                  <td className="px-3 py-2 font-mono text-xs">{tool.server ?? "—"}</td>
                  <td className="px-3 py-2 text-right">{formatUsageValue(tool.calls, "count")}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">{formatUsageValue(tool.p50Ms, "ms")}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">{formatUsageValue(tool.p95Ms, "ms")}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">{formatUsageValue(tool.p99Ms, "ms")}</td>
                  <td className="px-3 py-2 text-right">{formatUsageValue(tool.errors, "count")}</td>
                  <td className="px-4 py-2 text-right">{formatUsageValue(tool.errorRate, "percent")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
