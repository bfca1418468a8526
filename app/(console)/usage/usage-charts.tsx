import { CategoryBarChart } from "@/app/_components/charts/category-bar-chart";
import { CHART_COLORS } from "@/app/_components/charts/chart-colors";
import { LocalTime } from "@/app/_components/charts/local-time";
import { TimeSeriesChart } from "@/app/_components/charts/time-series-chart";
import { USAGE_BUCKET_LABELS } from "@/lib/console/usage/describe-usage-range";
import type { LiveSessionCounts } from "@/lib/sessions/live-session-source";
import type { getCallsOverTime } from "@/lib/usage/get-calls-over-time";
import type { getRateLimitViolationsOverTime } from "@/lib/usage/get-rate-limit-violations-over-time";
import type { getRequestsByClient } from "@/lib/usage/get-requests-by-client";
import type { getRequestsByKey } from "@/lib/usage/get-requests-by-key";
import type { ToolUsageStats } from "@/lib/usage/get-tool-usage-stats";
import type { UsageRange } from "@/lib/usage/usage-ranges";

/** The two series of every calls chart: all calls, and those that did not end ok. */
const CALLS_AND_FAILURES = [
  { key: "calls", label: "Calls", color: CHART_COLORS.calls },
  { key: "errors", label: "Failed", color: CHART_COLORS.errors },
] as const;

/** The dashboard's charts: calls over time, latency and error rate per tool, violations, sessions, clients, keys. */
export function UsageCharts({
  calls,
  tools,
  violations,
  clients,
  keys,
  sessions,
  bucketSeconds,
  range,
  everyone,
  whose,
  now,
}: {
  calls: Awaited<ReturnType<typeof getCallsOverTime>>;
  /** The tools to chart (the busiest). */
  tools: readonly ToolUsageStats[];
  violations: Awaited<ReturnType<typeof getRateLimitViolationsOverTime>>;
  clients: Awaited<ReturnType<typeof getRequestsByClient>>;
  keys: Awaited<ReturnType<typeof getRequestsByKey>>;
  sessions: LiveSessionCounts;
  bucketSeconds: number;
  range: UsageRange;
  /** The whole hub (an admin with no user filter), not one user's keys. */
  everyone: boolean;
  whose: string;
  now: Date;
}) {
  return (
    <>
      <TimeSeriesChart
        id="calls-over-time"
        title="Calls over time"
        description={`Calls per ${USAGE_BUCKET_LABELS[range]}, and how many of them failed`}
        kind="area"
        unit="count"
        bucketSeconds={bucketSeconds}
        points={calls.map((point) => ({ at: point.at.getTime(), calls: point.calls, errors: point.errors }))}
        series={CALLS_AND_FAILURES}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <CategoryBarChart
          id="latency-per-tool"
          title="Latency per tool"
          description="p50, p95 and p99 of executed calls, in milliseconds"
          categoryLabel="Tool"
          unit="ms"
          emptyText="No tool ran in this range."
          rows={tools.map((tool) => ({ label: tool.toolName, p50: tool.p50Ms, p95: tool.p95Ms, p99: tool.p99Ms }))}
          series={[
            { key: "p50", label: "p50", color: CHART_COLORS.p50 },
            { key: "p95", label: "p95", color: CHART_COLORS.p95 },
            { key: "p99", label: "p99", color: CHART_COLORS.p99 },
          ]}
        />
        <CategoryBarChart
          id="error-rate-per-tool"
          title="Error rate per tool"
          description="Share of calls that failed, were denied, refused or invalid"
          categoryLabel="Tool"
          unit="percent"
          emptyText="No failed calls in this range."
          rows={tools.map((tool) => ({ label: tool.toolName, errorRate: tool.errorRate }))}
          series={[{ key: "errorRate", label: "Error rate", color: CHART_COLORS.errors }]}
        />
        <TimeSeriesChart
          id="rate-limit-violations"
          title="Rate-limit violations"
          description={everyone ? "Requests refused: over a key's limit, or after too many failed sign-ins from one IP" : "Requests refused because a key was over its limit"}
          kind="bar"
          unit="count"
          stacked
          bucketSeconds={bucketSeconds}
          points={violations.map((point) => ({ at: point.at.getTime(), key: point.key, authFailure: point.authFailure }))}
          series={[
            { key: "key", label: "Key over limit", color: CHART_COLORS.violationsKey },
            ...(everyone ? [{ key: "authFailure", label: "Failed authentications", color: CHART_COLORS.violationsAuth }] : []),
          ]}
        />
        <CategoryBarChart
          id="active-sessions"
          title="Active sessions by transport"
          description={
            <>
              {everyone ? "Live MCP sessions on this hub" : `Live MCP sessions of ${whose}`} right now (as of <LocalTime iso={now.toISOString()} style="time" />)
            </>
          }
          categoryLabel="Transport"
          unit="count"
          emptyText="No live sessions right now."
          rows={[
            { label: "Streamable HTTP", sessions: sessions.streamable },
            { label: "HTTP + SSE", sessions: sessions.sse },
          ]}
          series={[{ key: "sessions", label: "Sessions", color: CHART_COLORS.streamable }]}
        />
        <CategoryBarChart
          id="requests-per-client"
          title="Requests per client"
          description="Tool calls by the MCP client's name (from its handshake)"
          categoryLabel="Client"
          unit="count"
          emptyText="No calls in this range."
          rows={clients.map((client) => ({ label: client.clientName || "(unnamed client)", calls: client.calls, errors: client.errors }))}
          series={CALLS_AND_FAILURES}
        />
        <CategoryBarChart
          id="requests-per-key"
          title="Requests per key"
          description={everyone ? "Tool calls by API key (name · prefix), every owner" : "Tool calls by API key (name · prefix)"}
          categoryLabel="Key"
          unit="count"
          emptyText="No calls in this range."
          rows={keys.map((key) => ({ label: key.keyName ? `${key.keyName} · ${key.keyPrefix}` : "(deleted key)", calls: key.calls, errors: key.errors }))}
          series={CALLS_AND_FAILURES}
        />
      </div>
    </>
  );
}
