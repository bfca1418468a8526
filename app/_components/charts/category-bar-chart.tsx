"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsageTick } from "@/lib/console/usage/format-usage-tick";
import { formatUsageValue, type UsageUnit } from "@/lib/console/usage/format-usage-value";
import { ChartFrame } from "./chart-frame";
import type { ChartSeries } from "./chart-series";
import { ChartTooltip } from "./chart-tooltip";

/** One bar group: its label (a tool, client, key or transport) and a number (or null) per series key. */
export type CategoryRow = { label: string } & Record<string, string | number | null>;

export interface CategoryBarChartProps {
  id: string;
  title: string;
  description?: ReactNode;
  /** The category column's header in the data table ("Tool", "Client", …). */
  categoryLabel: string;
  rows: readonly CategoryRow[];
  series: readonly ChartSeries[];
  unit: UsageUnit;
  /** Shown instead of the drawing when there is nothing above zero. */
  emptyText: string;
}

/**
 * Upper end of the value axis per unit. Rates never pass 100% (and a chart of 0% rates must not
 * count up to "400%"); counts and durations scale to their data.
 */
const UNIT_DOMAIN_MAX = {
  percent: (dataMax: number) => Math.min(1, Math.max(0.05, dataMax * 1.2)),
  ms: "auto",
  callsPerMinute: "auto",
  count: "auto",
} as const satisfies Record<UsageUnit, "auto" | ((dataMax: number) => number)>;

/** Label column: as wide as the longest label (about 6.5 px a character at 11 px), 48–200 px; longer labels are cut with "…" (the table has them whole). */
const LABEL_PX_PER_CHAR = 6.5;
const LABEL_MAX_PX = 200;

function numberAt(row: CategoryRow, key: string): number | null {
  const cell = row[key];
  return typeof cell === "number" ? cell : null;
}

/** Horizontal bars per category, one bar per series; the summary names the leading categories. */
export function CategoryBarChart({ id, title, description, categoryLabel, rows, series, unit, emptyText }: CategoryBarChartProps) {
  const value = (number: number | null) => formatUsageValue(number, unit);
  const lead = series[0];
  // All zero (no live sessions, no failures) draws as an empty grid: say so instead, keep the table.
  const hasValues = rows.some((row) => series.some((line) => (numberAt(row, line.key) ?? 0) > 0));
  const summary =
    !hasValues || !lead
      ? `${title}: ${emptyText}`
      : `${title}: ${rows
          .slice(0, 5)
          .map((row) => `${row.label} ${series.map((line) => `${line.label.toLowerCase()} ${value(numberAt(row, line.key))}`).join(", ")}`)
          .join("; ")}${rows.length > 5 ? `; and ${rows.length - 5} more` : ""}.`;
  const table = {
    rowHeader: categoryLabel,
    columns: series.map((line) => line.label),
    rows: rows.map((row) => ({ label: row.label, cells: series.map((line) => value(numberAt(row, line.key))) })),
  };
  const height = Math.max(120, rows.length * (12 * series.length + 14) + 56);
  const labelWidth = Math.min(LABEL_MAX_PX, Math.max(48, Math.ceil(Math.max(...rows.map((row) => row.label.length)) * LABEL_PX_PER_CHAR) + 8));
  const labelChars = Math.floor((labelWidth - 8) / LABEL_PX_PER_CHAR);

  return (
    <ChartFrame id={id} title={title} description={description} summary={summary} table={table}>
      {!hasValues ? (
        <p className="grid h-28 place-items-center text-sm text-zinc-500 dark:text-zinc-400">{emptyText}</p>
      ) : (
        <BarChart responsive style={{ width: "100%", height }} data={rows as CategoryRow[]} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.25} horizontal={false} />
          <XAxis type="number" domain={[0, UNIT_DOMAIN_MAX[unit]]} tickFormatter={(tick: number) => formatUsageTick(tick, unit)} tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" allowDecimals={unit !== "count"} />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" tickFormatter={(label: string) => (label.length > labelChars ? `${label.slice(0, labelChars - 1)}…` : label)} />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.1 }}
            content={(props) => <ChartTooltip active={props.active} payload={props.payload} label={props.label} formatLabel={String} formatValue={value} />}
          />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
          {series.map((line) => (
            <Bar key={line.key} dataKey={line.key} name={line.label} fill={line.color} radius={[0, 3, 3, 0]} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </ChartFrame>
  );
}
