import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { PageHeader } from "@/app/_components/page-header";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { listGrantableTools } from "@/lib/console/list-grantable-tools";
import { requireConsoleUser } from "@/lib/console/require-console-user";
import { buildSearchHref } from "@/lib/console/usage/build-search-href";
import { parseCallLogFilterParams } from "@/lib/console/usage/call-log-filter-params";
import { listUsageKeyOptions } from "@/lib/console/usage/list-usage-key-options";
import { listUsageServerOptions } from "@/lib/console/usage/list-usage-server-options";
import type { RawSearchParams } from "@/lib/console/usage/parse-search-params";
import { resolveUsageScope } from "@/lib/console/usage/resolve-usage-scope";
import { listCallLogs } from "@/lib/usage/list-call-logs";
import { findToolServers } from "@/lib/upstreams/find-tool-servers";
import { listUsers } from "@/lib/users/list-users";
import { PageNotice } from "../page-notice";
import { CallLogEmptyState } from "./call-log-empty-state";
import { CallLogFilterForm } from "./call-log-filter-form";
import { CallLogTable } from "./call-log-table";

export const metadata: Metadata = { title: "Call log" };

const PAGE_SIZE = 50;

/**
 * Raw call logs (tool calls, resource reads, prompt gets), newest first, each with its upstream
 * server, filtered by kind, tool, server, user (admins), key, status and time, keyset-paged
 * ("Older →") so any page of a large history costs the same. Reads raw rows: a call is listed as
 * soon as the batched writer has stored it, before the dashboards' rollup catches up.
 */
export default async function CallLogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [viewer, params] = await Promise.all([requireConsoleUser(), searchParams.then(parseCallLogFilterParams)]);
  const scope = resolveUsageScope(viewer, params.requestedUserId);
  const [page, keyOptions, users, [toolNames, serverNames], ownKeys] = await Promise.all([
    listCallLogs({ kind: params.kind, toolName: params.toolName, serverName: params.serverName, userId: scope.userId, apiKeyId: params.apiKeyId, status: params.status, from: params.from, to: params.to, cursor: params.cursor, limit: PAGE_SIZE }),
    listUsageKeyOptions(scope.userId),
    scope.canSeeEveryone ? listUsers() : Promise.resolve([]),
    // Suggestions only (any name can be typed): the viewer's callable tools, a cached in-memory answer, and their servers.
    listGrantableTools(viewer).then(async (names) => [names, listUsageServerOptions((await findToolServers(names)).values(), params.serverName)] as const),
    listApiKeys(viewer.id),
  ]);
  const emails = new Map(users.map((user) => [user.id, user.email]));
  const filters = {
    kind: params.kind ?? null,
    tool: params.toolName ?? null,
    server: params.serverName ?? null,
    user: scope.canSeeEveryone ? scope.userId : null,
    key: params.apiKeyId ?? null,
    status: params.status ?? null,
    from: params.from?.toISOString() ?? null,
    to: params.to?.toISOString() ?? null,
  };
  const filtered = Object.values(filters).some(Boolean);
  const showUser = scope.canSeeEveryone && scope.userId === null;
  const ignored = params.ignored.length > 0 ? `Ignored an invalid ${params.ignored.join(", ")} filter in the address.` : null;

  return (
    <>
      <PageHeader
        title="Call log"
        description={scope.userId === viewer.id ? "Every tool call, resource read and prompt made with your keys, newest first." : "Every tool call, resource read and prompt on this hub, newest first."}
        action={
          <Link href={buildSearchHref("/usage", { user: filters.user })} className={buttonClasses("secondary")}>
            ← Usage dashboard
          </Link>
        }
      />
      <PageNotice message={scope.notice ?? ignored} />
      <CallLogFilterForm filters={filters} filtered={filtered} toolNames={toolNames} serverNames={serverNames} users={scope.canSeeEveryone ? users : null} keyOptions={keyOptions} showOwners={showUser} />

      {page.entries.length === 0 ? (
        <CallLogEmptyState narrowed={filtered} olderPage={Boolean(params.cursor)} hasKeys={ownKeys.length > 0} own={scope.userId === viewer.id} />
      ) : (
        <>
          <CallLogTable entries={page.entries} showUser={showUser} emails={emails} keyNames={new Map(keyOptions.map((key) => [key.id, key.name]))} />
          <nav aria-label="Call log pages" className="mt-4 flex items-center justify-between gap-4 text-sm">
            {params.cursor ? (
              <Link href={buildSearchHref("/usage/calls", filters)} className={buttonClasses("ghost")}>
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            <span className="text-zinc-500 dark:text-zinc-400">
              {page.entries.length} {page.entries.length === 1 ? "call" : "calls"} on this page
            </span>
            {page.nextCursor ? (
              <Link href={buildSearchHref("/usage/calls", { ...filters, cursor: page.nextCursor })} rel="next" className={buttonClasses("secondary")}>
                Older →
              </Link>
            ) : (
              <span className="text-zinc-500 dark:text-zinc-400">End of the log</span>
            )}
          </nav>
        </>
      )}
    </>
  );
}
