"use client";

import type { ReactNode } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsageValue, type UsageUnit } from "@/lib/console/usage/format-usage-value";
import { formatInstant, type InstantStyle } from "@/lib/time/format-instant";
import { ChartFrame } from "./chart-frame";
import type { ChartSeries } from "./chart-series";
import { ChartTooltip } from "./chart-tooltip";
import { useIsClient } from "./use-is-client";

/** One bucket: its start (epoch ms) and a number per series key. */
export type TimeSeriesPoint = { at: number } & Record<string, number>;

export interface TimeSeriesChartProps {
  id: string;
  title: string;
  description?: ReactNode;
  points: readonly TimeSeriesPoint[];
  series: readonly ChartSeries[];
  kind: "area" | "bar";
  unit: UsageUnit;
  /** Bucket width: picks how much of each instant the ticks and tooltips show. */
  bucketSeconds: number;
  stacked?: boolean;
}

function instantStyles(bucketSeconds: number): { tick: InstantStyle; label: InstantStyle } {
  if (bucketSeconds < 900) return { tick: "timeTick", label: "time" };
  if (bucketSeconds < 3600) return { tick: "timeTick", label: "dayTime" };
  return { tick: "dayTick", label: "dayTime" };
}

/** Counts per time bucket (areas or bars), with totals and the busiest bucket as its text summary. */
export function TimeSeriesChart({ id, title, description, points, series, kind, unit, bucketSeconds, stacked = false }: TimeSeriesChartProps) {
  const local = useIsClient();
  const styles = instantStyles(bucketSeconds);
  const label = (at: number, style: InstantStyle) => formatInstant(at, style, local ? "local" : "UTC");
  const value = (number: number | null) => formatUsageValue(number, unit);

  const totals = series.map((line) => `${line.label.toLowerCase()} ${value(points.reduce((sum, point) => sum + (point[line.key] ?? 0), 0))}`);
  const first = series[0];
  const busiest = first ? points.reduce<TimeSeriesPoint | null>((best, point) => (best && best[first.key] >= point[first.key] ? best : point), null) : null;
  const summary =
    busiest && first && busiest[first.key] > 0
      ? `${title}: in total ${totals.join(", ")}; busiest at ${label(busiest.at, styles.label)} (${first.label.toLowerCase()} ${value(busiest[first.key])}).`
      : `${title}: nothing recorded in this range.`;

  const table = {
    rowHeader: "Time",
    columns: series.map((line) => line.label),
    rows: points.map((point) => ({ label: label(point.at, styles.label), cells: series.map((line) => value(point[line.key] ?? 0)) })),
  };

  const axes = (
    <>
      <CartesianGrid stroke="currentColor" strokeOpacity={0.25} vertical={false} />
      <XAxis dataKey="at" tickFormatter={(at: number) => label(at, styles.tick)} tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" minTickGap={24} />
      <YAxis allowDecimals={false} tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" width={40} />
      <Tooltip
        cursor={{ fill: "currentColor", fillOpacity: 0.1, stroke: "currentColor" }}
        content={(props) => <ChartTooltip active={props.active} payload={props.payload} label={props.label} formatLabel={(at) => label(Number(at), styles.label)} formatValue={value} />}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
    </>
  );
  const style = { width: "100%", height: 220 };

  return (
    <ChartFrame id={id} title={title} description={description} summary={summary} table={table}>
      {kind === "area" ? (
        <AreaChart responsive style={style} data={points as TimeSeriesPoint[]} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          {axes}
          {series.map((line) => (
            <Area key={line.key} dataKey={line.key} name={line.label} type="monotone" stroke={line.color} fill={line.color} fillOpacity={0.15} strokeWidth={2} stackId={stacked ? "stack" : undefined} isAnimationActive={false} />
          ))}
        </AreaChart>
      ) : (
        <BarChart responsive style={style} data={points as TimeSeriesPoint[]} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          {axes}
          {series.map((line) => (
            <Bar key={line.key} dataKey={line.key} name={line.label} fill={line.color} stackId={stacked ? "stack" : undefined} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </ChartFrame>
  );
}
