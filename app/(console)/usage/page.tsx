import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { PageHeader } from "@/app/_components/page-header";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireConsoleUser } from "@/lib/console/require-console-user";
import { buildSearchHref } from "@/lib/console/usage/build-search-href";
import { describeUsageRange } from "@/lib/console/usage/describe-usage-range";
import type { RawSearchParams } from "@/lib/console/usage/parse-search-params";
import { listUsageServerOptions } from "@/lib/console/usage/list-usage-server-options";
import { rankToolUsage } from "@/lib/console/usage/rank-tool-usage";
import { resolveUsageScope } from "@/lib/console/usage/resolve-usage-scope";
import { summarizeUsage } from "@/lib/console/usage/summarize-usage";
import { parseUsageDashboardParams } from "@/lib/console/usage/usage-dashboard-params";
import { getCallsOverTime } from "@/lib/usage/get-calls-over-time";
import { getRateLimitViolationsOverTime } from "@/lib/usage/get-rate-limit-violations-over-time";
import { getRequestsByClient } from "@/lib/usage/get-requests-by-client";
import { getRequestsByKey } from "@/lib/usage/get-requests-by-key";
import { getToolUsageStats } from "@/lib/usage/get-tool-usage-stats";
import { findToolServers } from "@/lib/upstreams/find-tool-servers";
import { usageWindow } from "@/lib/usage/usage-ranges";
import { countLiveSessions } from "@/lib/sessions/count-live-sessions";
import { listUsers } from "@/lib/users/list-users";
import { FilterSelect } from "./filter-select";
import { PageNotice } from "./page-notice";
import { RangePicker } from "./range-picker";
import { SummaryStats } from "./summary-stats";
import { ToolRankings } from "./tool-rankings";
import { UsageCharts } from "./usage-charts";
import { UsageEmptyState } from "./usage-empty-state";

export const metadata: Metadata = { title: "Usage" };

/** Tools drawn in the per-tool charts (the busiest); the tables and call log cover the rest. */
const CHARTED_TOOLS = 12;

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
    getToolUsageStats(query).then(async (stats) => ({ stats, servers: await findToolServers(stats.map((tool) => tool.toolName)) })),
    getRateLimitViolationsOverTime(query),
    getRequestsByClient({ ...query, limit: 10 }),
    getRequestsByKey({ ...query, limit: 10 }),
    scope.canSeeEveryone ? listUsers() : Promise.resolve([]),
    listApiKeys(viewer.id),
  ]);
  // Admins see the hub's live sessions (or the filtered user's); members their own.
  const sessions = countLiveSessions(scope.userId ? { userId: scope.userId } : {});
  const summary = summarizeUsage(params.range, calls, violations);
  const { slowest, mostFailing } = rankToolUsage(tools.stats, { servers: tools.servers, server: params.serverName });
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
        <RangePicker current={params.range} keep={{ ...keep, server: params.serverName }} />
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
        <UsageEmptyState firstKey={ownKeys.length === 0 && scope.userId === viewer.id} rangeText={rangeText} range={params.range} keep={keep} own={scope.userId === viewer.id} />
      ) : (
        <div className="flex flex-col gap-4">
          <SummaryStats summary={summary} liveSessions={sessions.sse + sessions.streamable} />
          <UsageCharts
            calls={calls}
            tools={tools.stats.slice(0, CHARTED_TOOLS)}
            violations={violations}
            clients={clients}
            keys={keys}
            sessions={sessions}
            bucketSeconds={bucketSeconds}
            range={params.range}
            everyone={scope.userId === null}
            whose={whose}
            now={query.now}
          />
          <ToolRankings slowest={slowest} mostFailing={mostFailing} range={params.range} userId={keep.user} server={params.serverName} serverNames={listUsageServerOptions(tools.servers.values(), params.serverName)} />
        </div>
      )}
    </>
  );
}
