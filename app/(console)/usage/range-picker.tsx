import Link from "next/link";
import { buildSearchHref } from "@/lib/console/usage/build-search-href";
import { USAGE_RANGE_LABELS } from "@/lib/console/usage/describe-usage-range";
import { USAGE_RANGES, type UsageRange } from "@/lib/usage/usage-ranges";

/** Segmented range switch: plain links (keeps the other params), the current one marked with aria-current. */
export function RangePicker({ current, keep }: { current: UsageRange; keep: Record<string, string | null> }) {
  return (
    <nav aria-label="Time range" className="inline-flex rounded-lg border border-zinc-200 bg-white p-0.5 dark:border-zinc-800 dark:bg-zinc-900">
      {(Object.keys(USAGE_RANGES) as UsageRange[]).map((range) => (
        <Link
          key={range}
          href={buildSearchHref("/usage", { ...keep, range })}
          aria-current={range === current ? "page" : undefined}
          aria-label={`Last ${USAGE_RANGE_LABELS[range]}`}
          className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-[current=page]:bg-indigo-500"
        >
          {USAGE_RANGE_LABELS[range]}
        </Link>
      ))}
    </nav>
  );
}

