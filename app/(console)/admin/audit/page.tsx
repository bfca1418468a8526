import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { LocalTime } from "@/app/_components/charts/local-time";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { FormAlert } from "@/app/_components/form-alert";
import { PageHeader } from "@/app/_components/page-header";
import { AdminBackLink } from "@/app/(console)/admin/_components/admin-back-link";
import { LocalDateTimeField } from "@/app/(console)/usage/calls/local-date-time-field";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditFilterSchema, type AuditFilter } from "@/lib/console/admin/audit-filter-schema";
import { listUsers } from "@/lib/users/list-users";
import { requireConsoleAdmin } from "@/lib/console/require-console-admin";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const TARGET_TYPES = ["user", "api_key", "tool", "role", "invite"] as const;
const KNOWN_ACTIONS = [
  "user.", "user.create", "user.set_role", "user.disable", "user.enable", "invite.create", "api_key.", "tool.", "tool.deprecate", "tool.undeprecate",
  "tool.enable", "tool.disable", "grant.", "grant.add", "grant.remove", "command_tool.", "rate_limit_policy.set",
] as const;
const AUDIT_COLUMNS = [{ header: "When" }, { header: "Actor" }, { header: "Action" }, { header: "Target" }, { header: "Before" }, { header: "After" }] as const;
const inputClasses = "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

function auditHref(filter: AuditFilter, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filter, cursor })) {
    if (value === undefined) continue;
    params.set(name, value instanceof Date ? value.toISOString() : String(value));
  }
  const query = params.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
}

function JsonValue({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-zinc-400">—</span>;
  return <code className="font-mono text-xs break-all whitespace-pre-wrap">{JSON.stringify(value)}</code>;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireConsoleAdmin();
  const raw = await searchParams;
  const single = (name: string) => (typeof raw[name] === "string" ? raw[name] : undefined);
  const parsed = auditFilterSchema.safeParse(Object.fromEntries(Object.keys(auditFilterSchema.shape).map((name) => [name, single(name)])));
  const filter: AuditFilter = parsed.success ? parsed.data : {};
  const { cursor, ...filters } = filter;
  const [page, users] = await Promise.all([
    listAuditEvents({ actorLabel: filters.actor, action: filters.action, targetType: filters.targetType, targetId: filters.targetId, from: filters.from, to: filters.to, cursor, limit: PAGE_SIZE }),
    listUsers(),
  ]);
  // User targets are stored by id (emails change); show whom they are.
  const emailById = new Map(users.map((user) => [user.id, user.email]));
  const filtered = Object.values(filters).some((value) => value !== undefined);

  return (
    <>
      <AdminBackLink />
      <PageHeader title="Audit log" description="Every administrative change — console, API and CLI — with who made it and the state before and after. Newest first; times in your zone." />
      <form method="get" action="/admin/audit" aria-label="Filter the audit log" className="mb-6 grid gap-4 rounded-xl border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 dark:border-zinc-800 dark:bg-zinc-900">
        {parsed.success ? null : (
          <div className="sm:col-span-2 lg:col-span-3">
            <FormAlert message={`Some filters were ignored: ${parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`).join("; ")}`} />
          </div>
        )}
        <div className="flex flex-col gap-1.5">
          <label htmlFor="audit-actor" className="text-sm font-medium">Actor</label>
          <input id="audit-actor" name="actor" defaultValue={filters.actor ?? ""} placeholder="alice@example.com, cli, system" className={inputClasses} />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="audit-action" className="text-sm font-medium">Action</label>
          <input id="audit-action" name="action" list="audit-actions" defaultValue={filters.action ?? ""} placeholder="grant. or tool.deprecate" aria-describedby="audit-action-hint" className={inputClasses} />
          <p id="audit-action-hint" className="text-xs text-zinc-500 dark:text-zinc-400">Exact, or a prefix ending in “.”</p>
          <datalist id="audit-actions">
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="audit-target-type" className="text-sm font-medium">Target type</label>
          <select id="audit-target-type" name="targetType" defaultValue={filters.targetType ?? ""} className={inputClasses}>
            <option value="">Any</option>
            {TARGET_TYPES.map((type) => (
              <option key={type} value={type}>{type}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="audit-target-id" className="text-sm font-medium">Target</label>
          <input id="audit-target-id" name="targetId" defaultValue={filters.targetId ?? ""} placeholder="tool name, user id, key id" className={inputClasses} />
        </div>
        <LocalDateTimeField label="From" name="from" iso={filters.from?.toISOString() ?? null} />
        <LocalDateTimeField label="To" name="to" iso={filters.to?.toISOString() ?? null} />
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
          <button type="submit" className={buttonClasses("primary")}>Apply filters</button>
          {filtered ? <Link href="/admin/audit" className={buttonClasses("ghost")}>Clear</Link> : null}
        </div>
      </form>

      {page.entries.length === 0 ? (
        <EmptyState
          icon={<ScrollText className="size-6" />}
          title={filtered || cursor ? "No changes match" : "Nothing changed yet"}
          action={filtered || cursor ? <Link href="/admin/audit" className={buttonClasses("secondary")}>Show every change</Link> : undefined}
        >
          {filtered || cursor ? "Widen the time range or clear a filter." : "Changes to users, keys, tools, grants and rate limits appear here as soon as anyone makes them."}
        </EmptyState>
      ) : (
        <>
          <DataTable caption="Audit events, newest first" columns={AUDIT_COLUMNS} bodyClassName="align-top">
            {page.entries.map((event) => (
              <tr key={event.id}>
                <td className="px-4 py-2.5 whitespace-nowrap"><LocalTime iso={event.at.toISOString()} /></td>
                <td className="px-4 py-2.5">{event.actorLabel}</td>
                <td className="px-4 py-2.5 font-mono text-xs whitespace-nowrap">{event.action}</td>
                <td className="px-4 py-2.5">
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">{event.targetType}</span>{" "}
                  {event.targetType === "user" && emailById.has(event.targetId) ? <span title={event.targetId}>{emailById.get(event.targetId)}</span> : <span className="font-mono text-xs break-all">{event.targetId}</span>}
                </td>
                <td className="max-w-xs px-4 py-2.5"><JsonValue value={event.before} /></td>
                <td className="max-w-xs px-4 py-2.5"><JsonValue value={event.after} /></td>
              </tr>
            ))}
          </DataTable>
          <nav aria-label="Audit pages" className="mt-4 flex justify-end gap-2">
            {cursor ? <Link href={auditHref(filters)} className={buttonClasses("ghost")}>Newest</Link> : null}
            {page.nextCursor ? <Link href={auditHref(filters, page.nextCursor)} rel="next" className={buttonClasses("secondary")}>Older changes</Link> : null}
          </nav>
        </>
      )}
    </>
  );
}
