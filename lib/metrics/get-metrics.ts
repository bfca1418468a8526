import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { LATENCY_BUCKET_BOUNDS_MS } from "@/lib/call-log/latency-buckets";
import type { BoundedLabel } from "./bound-label-value";

type SessionTransport = "sse" | "streamable";

/** Every metric the hub exports, created once per process. */
export interface HubMetrics {
  registry: Registry;
  toolCallDuration: Histogram<"tool" | "status">;
  toolCallErrors: Counter<"tool" | "code">;
  requestsByClient: Counter<"client" | "key_prefix">;
  rateLimitViolations: Counter<"kind">;
  rateLimitBackendFailures: Counter<"backend" | "failure_mode">;
  callLogQueueDepth: Gauge;
  callLogWriteFailures: Counter;
  activeSessions: Gauge<"transport">;
  callRollupFailures: Counter<"stage">;
  streamsOverBufferCap: Counter<"transport">;
  upstreamRequestDuration: Histogram<"server" | "method" | "outcome">;
  /** Label values seen so far, per open-ended label (see boundLabelValue). */
  labelValuesSeen: Map<BoundedLabel, Set<string>>;
  /** Replaced by setActiveSessionsSource(); read at scrape time. */
  activeSessionsSource: () => Record<SessionTransport, number>;
}

const globalForMetrics = globalThis as unknown as { switchboardMetrics?: HubMetrics };

/**
 * The process-wide registry and metrics. On globalThis because the Node server (which serves
 * GET /metrics and runs the MCP pipeline) and Next's bundles load this module separately; two
 * registries would each see half the traffic.
 */
export function getMetrics(): HubMetrics {
  if (globalForMetrics.switchboardMetrics) return globalForMetrics.switchboardMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "switchboard_process_" });
  const metrics: HubMetrics = {
    registry,
    toolCallDuration: new Histogram({
      name: "switchboard_tool_call_duration_seconds",
      help: "tools/call duration by tool and status (ok, error, denied, rate_limited, invalid)",
      labelNames: ["tool", "status"],
      // Same bounds as the rollup histograms, so Prometheus and the dashboards agree.
      buckets: LATENCY_BUCKET_BOUNDS_MS.map((ms) => ms / 1000),
      registers: [registry],
    }),
    toolCallErrors: new Counter({
      name: "switchboard_tool_call_errors_total",
      help: "tools/call answers that were not ok, by tool and error code",
      labelNames: ["tool", "code"],
      registers: [registry],
    }),
    requestsByClient: new Counter({
      name: "switchboard_requests_total",
      help: "tools/call requests by MCP client name and API key prefix",
      labelNames: ["client", "key_prefix"],
      registers: [registry],
    }),
    rateLimitViolations: new Counter({
      name: "switchboard_rate_limit_violations_total",
      help: "Requests refused by a limit: kind=key (tool calls per key), user (tool calls per user), requests (MCP requests per key), key_mint (keys minted per user) or auth_failure (per IP)",
      labelNames: ["kind"],
      registers: [registry],
    }),
    rateLimitBackendFailures: new Counter({
      name: "switchboard_rate_limit_backend_failures_total",
      help: "Rate-limit decisions the shared backend (Redis/Upstash) could not answer",
      labelNames: ["backend", "failure_mode"],
      registers: [registry],
    }),
    callLogQueueDepth: new Gauge({
      name: "switchboard_call_log_queue_depth",
      help: "Call-log rows buffered in memory, waiting for the batched insert",
      registers: [registry],
    }),
    callLogWriteFailures: new Counter({
      name: "switchboard_call_log_write_failures_total",
      help: "Batched call-log inserts that failed and will be retried",
      registers: [registry],
    }),
    activeSessions: new Gauge({
      name: "switchboard_active_sessions",
      help: "Live MCP sessions by transport",
      labelNames: ["transport"],
      registers: [registry],
      collect() {
        const counts = metrics.activeSessionsSource();
        for (const transport of ["sse", "streamable"] as const) this.set({ transport }, counts[transport] ?? 0);
      },
    }),
    callRollupFailures: new Counter({
      name: "switchboard_call_rollup_failures_total",
      help: "Call-log maintenance steps that failed: stage=rollup_minute (a minute left out of the dashboards), rollup, compaction or pruning",
      labelNames: ["stage"],
      registers: [registry],
    }),
    streamsOverBufferCap: new Counter({
      name: "switchboard_streams_over_buffer_cap_total",
      help: "Sessions closed because their event stream buffered more than the cap (a client that stopped reading)",
      labelNames: ["transport"],
      registers: [registry],
    }),
    upstreamRequestDuration: new Histogram({
      name: "switchboard_upstream_request_duration_seconds",
      help: "resources/read, prompts/get and resources/subscribe/unsubscribe forwarded to upstream servers (tools/call is in switchboard_tool_call_duration_seconds), by server, method and outcome (ok, error)",
      labelNames: ["server", "method", "outcome"],
      buckets: LATENCY_BUCKET_BOUNDS_MS.map((ms) => ms / 1000),
      registers: [registry],
    }),
    labelValuesSeen: new Map(),
    activeSessionsSource: () => ({ sse: 0, streamable: 0 }),
  };
  globalForMetrics.switchboardMetrics = metrics;
  return metrics;
}
