import Link from "next/link";
import { describeToolSource } from "@/lib/console/tools/describe-tool-source";
import { groupToolsBySource } from "@/lib/console/tools/group-tools-by-source";
import type { ToolListItem } from "@/lib/console/tools/tool-list-item";
import { ToolStatusBadge } from "./tool-status-badge";

/**
 * The compact catalogue: one line per tool (name, title, status, version, calls), grouped by
 * source, each linking to the tool's own page; the description is cut to one line.
 */
export function ToolList({ items }: { items: readonly ToolListItem[] }) {
  return (
    <div className="flex flex-col gap-6">
      {groupToolsBySource(items).map(([source, tools]) => (
        <section key={source} aria-labelledby={`tools-group-${source}`}>
          <h2 id={`tools-group-${source}`} className="mb-2 text-sm font-medium text-zinc-600 dark:text-zinc-400">
            {describeToolSource(source)} <span className="text-zinc-400 tabular-nums">({tools.length})</span>
          </h2>
          <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
            {tools.map((tool) => (
              <li key={tool.name}>
                <Link
                  href={`/tools/${encodeURIComponent(tool.name)}`}
                  aria-label={`${tool.name}: ${tool.title}, ${tool.status}`}
                  className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800/60"
                >
                  <span className="min-w-0 font-mono text-sm font-semibold break-all">{tool.name}</span>
                  <span className="min-w-0 text-sm text-zinc-600 dark:text-zinc-400">{tool.title}</span>
                  <span className="ml-auto flex items-center gap-2">
                    <ToolStatusBadge status={tool.status} />
                    <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">v{tool.version}</span>
                    {tool.calls24h === null ? null : (
                      <span className="w-24 text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{tool.calls24h.toLocaleString("en")} {tool.calls24h === 1 ? "call" : "calls"} / 24 h</span>
                    )}
                  </span>
                  <span className="w-full truncate text-xs text-zinc-500 dark:text-zinc-400">{tool.description}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
