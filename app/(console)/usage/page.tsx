import { Activity, KeyRound, ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { CategoryBarChart } from "@/app/_components/charts/category-bar-chart";
import { CHART_COLORS } from "@/app/_components/charts/chart-colors";
import { LocalTime } from "@/app/_components/charts/local-time";
import { TimeSeriesChart } from "@/app/_components/charts/time-series-chart";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireConsoleUser } from "@/lib/console/require-console-user";
import { buildSearchHref } from "@/lib/console/usage/build-search-href";
import { describeUsageRange, USAGE_BUCKET_LABELS } from "@/lib/console/usage/describe-usage-range";
import type { RawSearchParams } from "@/lib/console/usage/parse-search-params";
import { rankToolUsage } from "@/lib/console/usage/rank-tool-usage";
import { resolveUsageScope } from "@/lib/console/usage/resolve-usage-scope";
import { summarizeUsage } from "@/lib/console/usage/summarize-usage";
import { parseUsageDashboardParams } from "@/lib/console/usage/usage-dashboard-params";
import { getCallsOverTime } from "@/lib/usage/get-calls-over-time";
import { getRateLimitViolationsOverTime } from "@/lib/usage/get-rate-limit-violations-over-time";
import { getRequestsByClient } from "@/lib/usage/get-requests-by-client";
import { getRequestsByKey } from "@/lib/usage/get-requests-by-key";
import { getToolUsageStats } from "@/lib/usage/get-tool-usage-stats";
import { usageWindow } from "@/lib/usage/usage-ranges";
import { listUsers } from "@/lib/users/list-users";
import { getSessionRegistry } from "@/mcp/sessions/session-registry";
import { FilterSelect } from "./filter-select";
import { PageNotice } from "./page-notice";
import { RangePicker } from "./range-picker";
import { SummaryStats } from "./summary-stats";
import { ToolRankingTable } from "./tool-ranking-table";

export const metadata: Metadata = { title: "Usage" };

/** Tools drawn in the per-tool charts (the busiest); the tables and call log cover the rest. */
const CHARTED_TOOLS = 12;

/** The two series of every calls chart: all calls, and those that did not end ok. */
const CALLS_AND_FAILURES = [
  { key: "calls", label: "Calls", color: CHART_COLORS.calls },
  { key: "errors", label: "Failed", color: CHART_COLORS.errors },
] as const;

/**
 * Usage dashboard: range and (admins) user come from the URL; every query reads the per-minute
 * rollups (refreshed every 15 s), so the page costs the same at a million calls as at ten.
 */
export default async function UsagePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [viewer, params] = await Promise.all([requireConsoleUser(), searchParams.then(parseUsageDashboardParams)]);
  const scope = resolveUsageScope(viewer, params.requestedUserId);
  const query = { range: params.range, userId: scope.userId, now: new Date() };
  const { bucketSeconds } = usageWindow(query);

  const [calls, tools, violations, clients, keys, users, ownKeys] = await Promise.all([
    getCallsOverTime(query),
    getToolUsageStats(query),
    getRateLimitViolationsOverTime(query),
    getRequestsByClient({ ...query, limit: 10 }),
    getRequestsByKey({ ...query, limit: 10 }),
    scope.canSeeEveryone ? listUsers() : Promise.resolve([]),
    listApiKeys(viewer.id),
  ]);
  // Admins see the hub's live sessions (or the filtered user's); members their own.
  const sessions = getSessionRegistry().countByTransport(scope.userId ? { userId: scope.userId } : {});
  const summary = summarizeUsage(params.range, calls, violations);
  const { slowest, mostFailing } = rankToolUsage(tools);
  const rangeText = describeUsageRange(params.range);
  const scopedUser = users.find((user) => user.id === scope.userId);
  const whose = scope.userId === viewer.id ? "your keys" : scopedUser ? scopedUser.email : "everyone on this hub";
  const keep = { user: scope.canSeeEveryone ? scope.userId : null };
  const ignored = params.ignored.length > 0 ? `Ignored an invalid ${params.ignored.join(" and ")} in the address.` : null;

  return (
    <>
      <PageHeader
        title="Usage"
        description={`Calls made with ${whose} over the ${rangeText}: volume, latency and errors per tool.`}
        action={
          <Link href={buildSearchHref("/usage/calls", keep)} className={buttonClasses("secondary")}>
            <ScrollText className="size-4" aria-hidden="true" />
            Browse the call log
          </Link>
        }
      />
      <PageNotice message={scope.notice ?? ignored} />
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <RangePicker current={params.range} keep={keep} />
        {scope.canSeeEveryone ? (
          <form method="get" action="/usage" className="flex flex-wrap items-end gap-2" aria-label="Filter by user">
            <input type="hidden" name="range" value={params.range} />
            <FilterSelect label="User" name="user" value={scope.userId} emptyLabel="Everyone" options={users.map((user) => ({ value: user.id, label: user.email }))} />
            <button type="submit" className={buttonClasses("secondary")}>
              Show
            </button>
          </form>
        ) : null}
      </div>

      {summary.calls === 0 && summary.rateLimitViolations === 0 ? (
        ownKeys.length === 0 && scope.userId === viewer.id ? (
          <EmptyState
            icon={<KeyRound className="size-6" />}
            title="Mint your first key"
            action={
              <Link href="/keys" className={buttonClasses("primary")}>
                Mint a key
              </Link>
            }
          >
            Usage appears once an MCP client calls a tool with one of your keys. Mint a key, paste its <code className="font-mono">claude mcp add</code> command, and call a tool.
          </EmptyState>
        ) : (
          <EmptyState
            icon={<Activity className="size-6" />}
            title={`No calls in the ${rangeText}`}
            action={
              <div className="flex flex-wrap justify-center gap-2">
                {params.range === "30d" ? null : (
                  <Link href={buildSearchHref("/usage", { ...keep, range: "30d" })} className={buttonClasses("secondary")}>
                    Show the last 30 days
                  </Link>
                )}
                <Link href="/keys" className={buttonClasses("secondary")}>
                  Go to your keys
                </Link>
              </div>
            }
          >
            Connect a client with one of {scope.userId === viewer.id ? "your" : "the"} keys and call a tool; calls show up here within 15 seconds, and at once in the call log.
          </EmptyState>
        )
      ) : (
        <div className="flex flex-col gap-4">
          <SummaryStats summary={summary} liveSessions={sessions.sse + sessions.streamable} />
          <TimeSeriesChart
            id="calls-over-time"
            title="Calls over time"
            description={`Calls per ${USAGE_BUCKET_LABELS[params.range]}, and how many of them failed`}
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
              rows={tools.slice(0, CHARTED_TOOLS).map((tool) => ({ label: tool.toolName, p50: tool.p50Ms, p95: tool.p95Ms, p99: tool.p99Ms }))}
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
              rows={tools.slice(0, CHARTED_TOOLS).map((tool) => ({ label: tool.toolName, errorRate: tool.errorRate }))}
              series={[{ key: "errorRate", label: "Error rate", color: CHART_COLORS.errors }]}
            />
            <TimeSeriesChart
              id="rate-limit-violations"
              title="Rate-limit violations"
              description={scope.userId === null ? "Requests refused: over a key's limit, or after too many failed sign-ins from one IP" : "Requests refused because a key was over its limit"}
              kind="bar"
              unit="count"
              stacked
              bucketSeconds={bucketSeconds}
              points={violations.map((point) => ({ at: point.at.getTime(), key: point.key, authFailure: point.authFailure }))}
              series={[
                { key: "key", label: "Key over limit", color: CHART_COLORS.violationsKey },
                ...(scope.userId === null ? [{ key: "authFailure", label: "Failed authentications", color: CHART_COLORS.violationsAuth }] : []),
              ]}
            />
            <CategoryBarChart
              id="active-sessions"
              title="Active sessions by transport"
              description={
                <>
                  {scope.userId === null ? "Live MCP sessions on this hub" : `Live MCP sessions of ${whose}`} right now (as of <LocalTime iso={query.now.toISOString()} style="time" />)
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
              description={scope.userId === null ? "Tool calls by API key (name · prefix), every owner" : "Tool calls by API key (name · prefix)"}
              categoryLabel="Key"
              unit="count"
              emptyText="No calls in this range."
              rows={keys.map((key) => ({ label: key.keyName ? `${key.keyName} · ${key.keyPrefix}` : "(deleted key)", calls: key.calls, errors: key.errors }))}
              series={CALLS_AND_FAILURES}
            />
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <ToolRankingTable id="slowest-tools" title="Slowest tools (by p95)" tools={slowest} emptyText="No tool ran in this range." userId={keep.user} />
            <ToolRankingTable id="failing-tools" title="Most failing tools" tools={mostFailing} emptyText="No failed calls in this range. Nice." userId={keep.user} />
          </div>
        </div>
      )}
    </>
  );
}
