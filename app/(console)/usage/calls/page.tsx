import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { LocalTime } from "@/app/_components/charts/local-time";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { TextField } from "@/app/_components/text-field";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { listGrantableTools } from "@/lib/console/list-grantable-tools";
import { requireConsoleUser } from "@/lib/console/require-console-user";
import { buildSearchHref } from "@/lib/console/usage/build-search-href";
import { CALL_STATUSES, parseCallLogFilterParams } from "@/lib/console/usage/call-log-filter-params";
import { formatUsageValue } from "@/lib/console/usage/format-usage-value";
import { listUsageKeyOptions } from "@/lib/console/usage/list-usage-key-options";
import type { RawSearchParams } from "@/lib/console/usage/parse-search-params";
import { resolveUsageScope } from "@/lib/console/usage/resolve-usage-scope";
import type { CallStatus } from "@/lib/generated/prisma/enums";
import { listCallLogs } from "@/lib/usage/list-call-logs";
import { listUsers } from "@/lib/users/list-users";
import { FilterSelect } from "../filter-select";
import { PageNotice } from "../page-notice";
import { LocalDateTimeField } from "./local-date-time-field";

export const metadata: Metadata = { title: "Call log" };

const PAGE_SIZE = 50;

const STATUS_BADGES = {
  ok: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  error: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  denied: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  rate_limited: "bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300",
  invalid: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
} as const satisfies Record<CallStatus, string>;

const STATUS_LABELS = { ok: "OK", error: "Error", denied: "Denied", rate_limited: "Rate limited", invalid: "Invalid input" } as const satisfies Record<CallStatus, string>;

/**
 * Raw call logs, newest first, filtered by tool, user (admins), key, status and time, keyset-paged
 * ("Older →") so any page of a large history costs the same. Reads raw rows: a call is listed as
 * soon as the batched writer has stored it, before the dashboards' rollup catches up.
 */
export default async function CallLogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [viewer, params] = await Promise.all([requireConsoleUser(), searchParams.then(parseCallLogFilterParams)]);
  const scope = resolveUsageScope(viewer, params.requestedUserId);
  const [page, keyOptions, users, toolNames, ownKeys] = await Promise.all([
    listCallLogs({ toolName: params.toolName, userId: scope.userId, apiKeyId: params.apiKeyId, status: params.status, from: params.from, to: params.to, cursor: params.cursor, limit: PAGE_SIZE }),
    listUsageKeyOptions(scope.userId),
    scope.canSeeEveryone ? listUsers() : Promise.resolve([]),
    // Suggestions only (any name can be typed): the viewer's callable tools, a cached in-memory answer.
    listGrantableTools(viewer),
    listApiKeys(viewer.id),
  ]);
  const emails = new Map(users.map((user) => [user.id, user.email]));
  const filters = {
    tool: params.toolName ?? null,
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
        description={scope.userId === viewer.id ? "Every tool call made with your keys, newest first." : "Every tool call on this hub, newest first."}
        action={
          <Link href={buildSearchHref("/usage", { user: filters.user })} className={buttonClasses("secondary")}>
            ← Usage dashboard
          </Link>
        }
      />
      <PageNotice message={scope.notice ?? ignored} />
      <form method="get" action="/usage/calls" aria-label="Filter calls" className="mb-6 grid gap-4 rounded-xl border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-900">
        <TextField label="Tool" name="tool" defaultValue={filters.tool ?? ""} list="tool-names" placeholder="Any tool" autoComplete="off" />
        <datalist id="tool-names">
          {toolNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        {scope.canSeeEveryone ? <FilterSelect label="User" name="user" value={filters.user} emptyLabel="Everyone" options={users.map((user) => ({ value: user.id, label: user.email }))} /> : null}
        <FilterSelect
          label="Key"
          name="key"
          value={filters.key}
          emptyLabel="Any key"
          options={keyOptions.map((key) => ({ value: key.id, label: `${key.name} (${key.prefix}…)${showUser ? ` · ${key.ownerEmail}` : ""}${key.revoked ? " · revoked" : ""}` }))}
        />
        <FilterSelect label="Status" name="status" value={filters.status} emptyLabel="Any status" options={CALL_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))} />
        <LocalDateTimeField label="From" name="from" iso={filters.from} />
        <LocalDateTimeField label="To" name="to" iso={filters.to} />
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-2">
          <button type="submit" className={buttonClasses("primary")}>
            Apply filters
          </button>
          {filtered ? (
            <Link href="/usage/calls" className={buttonClasses("ghost")}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      {page.entries.length === 0 ? (
        filtered || params.cursor ? (
          <EmptyState
            icon={<ScrollText className="size-6" />}
            title={params.cursor ? "No older calls" : "No calls match these filters"}
            action={
              <Link href="/usage/calls" className={buttonClasses("secondary")}>
                Clear filters
              </Link>
            }
          >
            Widen the time window, pick another tool or status, or clear the filters to see every call.
          </EmptyState>
        ) : (
          <EmptyState
            icon={<ScrollText className="size-6" />}
            title={ownKeys.length === 0 ? "Mint your first key" : "No calls yet"}
            action={
              <Link href="/keys" className={buttonClasses("primary")}>
                {ownKeys.length === 0 ? "Mint a key" : "Go to your keys"}
              </Link>
            }
          >
            Each tool call an MCP client makes with {scope.userId === viewer.id ? "your keys" : "a key"} is listed here within a second or two.
          </EmptyState>
        )
      ) : (
        <>
          <DataTable
            caption="Tool calls, newest first"
            columns={[
              { header: "Time" },
              { header: "Tool" },
              { header: "Status" },
              { header: "Duration", align: "right" },
              showUser ? { header: "User" } : null,
              { header: "Key" },
              { header: "Client" },
              { header: "Transport" },
              { header: "Error code" },
            ]}
          >
            {page.entries.map((call) => (
              <tr key={call.id}>
                <td className="px-4 py-2.5 whitespace-nowrap tabular-nums"><LocalTime iso={call.at.toISOString()} /></td>
                <th scope="row" className="px-4 py-2.5 font-mono text-xs font-normal">{call.toolName}</th>
                <td className="px-4 py-2.5">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STATUS_BADGES[call.status]}`}>{STATUS_LABELS[call.status]}</span>
                </td>
                <td className="px-4 py-2.5 text-right whitespace-nowrap tabular-nums">{formatUsageValue(call.durationMs, "ms")}</td>
                {showUser ? <td className="px-4 py-2.5 text-xs">{call.userId ? (emails.get(call.userId) ?? "(deleted user)") : "—"}</td> : null}
                <td className="px-4 py-2.5 font-mono text-xs whitespace-nowrap">{call.keyPrefix ? `${call.keyPrefix}…` : "—"}</td>
                <td className="px-4 py-2.5 text-xs">{call.clientName ? `${call.clientName}${call.clientVersion ? ` ${call.clientVersion}` : ""}` : "—"}</td>
                <td className="px-4 py-2.5 text-xs">{call.transport === "sse" ? "SSE" : "Streamable HTTP"}</td>
                <td className="px-4 py-2.5 font-mono text-xs">{call.errorCode ?? ""}</td>
              </tr>
            ))}
          </DataTable>
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
