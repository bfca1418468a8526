import { Wrench } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/app/_components/empty-state";
import type { AdminToolView } from "@/lib/console/tools/list-admin-tool-catalog";
import { TOOL_STATUSES } from "@/lib/tool-catalog/get-tool-status";
import { AdminToolCard } from "./admin-tool-card";

const FILTERS = [{ value: null, label: "All" }, ...[...TOOL_STATUSES].reverse().map((status) => ({ value: status, label: status[0].toUpperCase() + status.slice(1) }))] as const;

/** The admin's catalogue: status filter links, then one card per tool. */
export function AdminToolList({ tools, grantees, statusFilter }: { tools: AdminToolView[]; grantees: { id: string; email: string }[]; statusFilter: string | null }) {
  if (tools.length === 0) {
    return (
      <EmptyState icon={<Wrench className="size-6" />} title="The catalogue is empty" action={<Link href="/admin/command-tools" className="text-sm font-medium text-indigo-600 dark:text-indigo-400">Add a command tool</Link>}>
        Built-in tools appear once the hub has synced them at start; you can also expose a command (tests, linters) as a tool.
      </EmptyState>
    );
  }
  const shown = statusFilter ? tools.filter((tool) => tool.status === statusFilter) : tools;
  const toolNames = tools.map((tool) => tool.name);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Filter tools by status" className="flex flex-wrap gap-1">
        {FILTERS.map((filter) => {
          const count = filter.value ? tools.filter((tool) => tool.status === filter.value).length : tools.length;
          const current = filter.value === statusFilter;
          return (
            <Link
              key={filter.label}
              href={filter.value ? `/tools?status=${filter.value}` : "/tools"}
              aria-current={current ? "page" : undefined}
              className="rounded-md px-3 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-[current=page]:bg-zinc-100 aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-zinc-50"
            >
              {filter.label} <span className="text-zinc-400">({count})</span>
            </Link>
          );
        })}
      </nav>
      {shown.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 px-6 py-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No {statusFilter} tools. <Link href="/tools" className="font-medium text-indigo-600 dark:text-indigo-400">Show all tools</Link>
        </p>
      ) : (
        <ul className="grid gap-4">
          {shown.map((tool) => (
            <AdminToolCard key={tool.name} tool={tool} grantees={grantees} otherTools={toolNames.filter((name) => name !== tool.name)} />
          ))}
        </ul>
      )}
    </div>
  );
}
