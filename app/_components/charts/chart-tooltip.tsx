"use client";

import type { TooltipContentProps } from "recharts";

/** Tooltip body in the console's card style (light and dark), values already formatted. */
export function ChartTooltip({ active, payload, label, formatLabel, formatValue }: Pick<TooltipContentProps, "active" | "payload" | "label"> & { formatLabel: (label: string | number) => string; formatValue: (value: number | null) => string }) {
  if (!active || !payload?.length || label === undefined) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs text-zinc-900 shadow-md dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
      <p className="mb-1 font-medium">{formatLabel(label)}</p>
      <ul className="flex flex-col gap-0.5">
        {payload.map((entry) => (
          <li key={String(entry.dataKey)} className="flex items-center gap-2">
            <span aria-hidden="true" className="size-2 rounded-full" style={{ background: entry.color }} />
            <span className="text-zinc-600 dark:text-zinc-400">{entry.name}</span>
            <span className="ml-auto pl-3 tabular-nums">{formatValue(typeof entry.value === "number" ? entry.value : null)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
