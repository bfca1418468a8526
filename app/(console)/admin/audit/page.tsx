import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { LocalTime } from "@/app/_components/charts/local-time";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { AdminBackLink } from "@/app/(console)/admin/_components/admin-back-link";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditFilterSchema, type AuditFilter } from "@/lib/console/admin/audit-filter-schema";
import { listUsers } from "@/lib/users/list-users";
import { requireConsoleAdmin } from "@/lib/console/require-console-admin";
import { AuditChange } from "./audit-change";
import { AuditFilterForm } from "./audit-filter-form";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const AUDIT_COLUMNS = [{ header: "When" }, { header: "Actor" }, { header: "Action" }, { header: "Target" }, { header: "Change" }] as const;

function auditHref(filter: AuditFilter, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filter, cursor })) {
    if (value === undefined) continue;
    params.set(name, value instanceof Date ? value.toISOString() : String(value));
  }
  const query = params.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
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
      <AuditFilterForm filters={filters} invalid={parsed.success ? null : parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`).join("; ")} filtered={filtered} />

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
                <td className="min-w-64 px-4 py-2.5"><AuditChange before={event.before} after={event.after} /></td>
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
