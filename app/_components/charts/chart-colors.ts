/**
 * Series colours: mid-tone hues that read on both the light and the dark console background, so
 * charts need no theme switch. Grid and axis lines use currentColor from the surrounding text.
 */
export const CHART_COLORS = {
  calls: "#6366f1",
  errors: "#f43f5e",
  p50: "#38bdf8",
  p95: "#6366f1",
  p99: "#a855f7",
  violationsKey: "#f59e0b",
  violationsAuth: "#f43f5e",
  sse: "#14b8a6",
  streamable: "#6366f1",
} as const;

export type ChartColor = (typeof CHART_COLORS)[keyof typeof CHART_COLORS];
