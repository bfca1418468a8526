import { getMetrics } from "@/lib/metrics/get-metrics";

/**
 * Tells the metrics where to read live session counts (the session registry); read at each
 * scrape so the gauge never drifts from the registry.
 */
export function setActiveSessionsSource(source: () => Record<"sse" | "streamable", number>): void {
  getMetrics().activeSessionsSource = source;
}
