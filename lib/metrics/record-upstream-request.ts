import { boundLabelValue } from "@/lib/metrics/bound-label-value";
import { getMetrics } from "@/lib/metrics/get-metrics";

/** A resources/read or prompts/get that the hub forwarded to an upstream server, for /metrics. */
export function recordUpstreamRequest(server: string, method: "resources/read" | "prompts/get", outcome: "ok" | "error", durationMs: number): void {
  const metrics = getMetrics();
  metrics.upstreamRequestDuration.observe({ server: boundLabelValue(metrics.labelValuesSeen, "server", server), method, outcome }, durationMs / 1000);
}
