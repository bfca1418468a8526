import { Wrench } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireConsoleUser } from "@/lib/console/require-console-user";
import { describeToolSource } from "@/lib/console/tools/describe-tool-source";
import { filterToolList, toolListFilterSchema } from "@/lib/console/tools/filter-tool-list";
import { TOOL_LIST_STATUSES } from "@/lib/console/tools/get-tool-list-status";
import { getToolSource } from "@/lib/console/tools/get-tool-source";
import { listToolListItems } from "@/lib/console/tools/list-tool-list-items";
import { ROLES } from "@/lib/permissions/roles";
import { ToolList } from "./tool-list";
import { ToolListFilters } from "./tool-list-filters";

export const metadata: Metadata = { title: "Tools" };

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * Members: the tools they may call. Admins: the whole catalogue. Either way a compact list that
 * searches and filters through the query string; each tool has its own page (/tools/[name]).
 */
export default async function ToolsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, params] = await Promise.all([requireConsoleUser(), searchParams]);
  const admin = ROLES[user.role].manageHub;
  const items = await listToolListItems(user);
  const filter = toolListFilterSchema.parse({ q: single(params.q), status: single(params.status), source: single(params.source) });
  const shown = filterToolList(items, filter);
  const count = (predicate: (item: (typeof items)[number]) => boolean) => items.filter(predicate).length;
  const statuses = [...TOOL_LIST_STATUSES].reverse().filter((status) => admin || status === "active" || status === "deprecated");
  const sources = [...new Set(items.map(getToolSource))].sort();

  return (
    <>
      <PageHeader
        title="Tools"
        description={
          admin
            ? "The whole catalogue. Changes reach every connected client within a second (notifications/tools/list_changed). Admins may call every tool; members call public tools and the ones granted to them."
            : "What your keys can call, as MCP clients see it in tools/list. A key limited to some tools sees only those."
        }
      />
      {items.length === 0 ? (
        admin ? (
          <EmptyState icon={<Wrench className="size-6" />} title="The catalogue is empty" action={<Link href="/admin/command-tools" className={buttonClasses("secondary")}>Add a command tool</Link>}>
            Built-in tools appear once the hub has synced them at start; you can also expose a command (tests, linters) as a tool.
          </EmptyState>
        ) : (
          <EmptyState icon={<Wrench className="size-6" />} title="No tools for you yet" action={<Link href="/keys" className={buttonClasses("secondary")}>Go to your keys</Link>}>
            Ask an admin to grant you tools; they show up here, and in your clients, right away.
          </EmptyState>
        )
      ) : (
        <div className="flex flex-col gap-4">
          <ToolListFilters
            q={filter.q ?? ""}
            status={filter.status ?? ""}
            source={filter.source ?? ""}
            statusOptions={[{ value: "", label: `Any status (${items.length})` }, ...statuses.map((status) => ({ value: status, label: `${status[0].toUpperCase()}${status.slice(1)} (${count((item) => item.status === status)})` }))]}
            sourceOptions={[{ value: "", label: "Any source" }, ...sources.map((source) => ({ value: source, label: `${describeToolSource(source)} (${count((item) => getToolSource(item) === source)})` }))]}
          />
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            {shown.length === items.length ? `${items.length} tools` : `${shown.length} of ${items.length} tools`}
          </p>
          {shown.length === 0 ? (
            <p className="rounded-xl border border-dashed border-zinc-300 px-6 py-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              No tools match.{" "}
              <Link href="/tools" className="font-medium text-indigo-600 dark:text-indigo-400">
                Show all tools
              </Link>
            </p>
          ) : (
            <ToolList items={shown} />
          )}
        </div>
      )}
    </>
  );
}
