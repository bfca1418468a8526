import { boundLabelValue } from "@/lib/metrics/bound-label-value";
import { getMetrics } from "@/lib/metrics/get-metrics";

/** Requests the hub makes of an upstream server besides tools/call (timed in the tool-call histogram). */
export type ForwardedUpstreamMethod = "resources/read" | "prompts/get" | "resources/subscribe" | "resources/unsubscribe";

/** A request the hub forwarded to an upstream server (for a client, or a subscription's first or last), for /metrics. */
export function recordUpstreamRequest(server: string, method: ForwardedUpstreamMethod, outcome: "ok" | "error", durationMs: number): void {
  const metrics = getMetrics();
  metrics.upstreamRequestDuration.observe({ server: boundLabelValue(metrics.labelValuesSeen, "server", server), method, outcome }, durationMs / 1000);
}
