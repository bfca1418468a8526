import { SquareTerminal } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { ActionButton } from "@/app/(console)/admin/_components/action-button";
import { AdminBackLink } from "@/app/(console)/admin/_components/admin-back-link";
import { getCommandTool } from "@/lib/command-tools/get-command-tool";
import { listCatalog } from "@/lib/tool-catalog/list-catalog";
import { deleteCommandToolAction } from "./actions";
import { CommandToolForm, EMPTY_COMMAND_TOOL } from "./command-tool-form";
import { requireConsoleAdmin } from "@/lib/console/require-console-admin";

export const metadata: Metadata = { title: "Command tools" };

export default async function CommandToolsPage() {
  await requireConsoleAdmin();
  const commandTools = (await listCatalog()).filter((tool) => tool.kind === "command");
  const definitions = await Promise.all(commandTools.map((tool) => getCommandTool(tool.name)));
  return (
    <>
      <AdminBackLink />
      <PageHeader title="Command tools" description="Commands run without a shell in the workspace, exposed as MCP tools. Parameters are typed and checked before anything runs." />
      <div className="flex flex-col gap-6">
        {commandTools.length === 0 ? (
          <EmptyState icon={<SquareTerminal className="size-6" />} title="No command tools yet">
            Define one below — e.g. the test runner with a pattern-checked test name — then grant it to members on the Tools page.
          </EmptyState>
        ) : (
          <ul className="grid grid-cols-1 gap-3">
            {definitions.map((definition, index) => (
              <li key={definition.name} className="flex min-w-0 flex-wrap items-start justify-between gap-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
                {/* min-w-0 down the tree (and a 0-minimum grid column): the argv line scrolls in its box instead of widening the card on phones. */}
                <div className="min-w-0 flex-[1_1_16rem]">
                  <h2 className="font-mono font-semibold">{definition.name}</h2>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    {definition.title} · v{definition.version} · {commandTools[index].status} · timeout {definition.timeoutMs / 1000} s · output ≤ {Math.round(definition.maxOutputBytes / 1024)} KiB · {definition.workingDir === "." ? "in the workspace root" : <>in <code className="font-mono">{definition.workingDir}</code></>}
                  </p>
                  <pre className="mt-2 overflow-x-auto rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100 dark:bg-black">{definition.argv.map((arg) => (/\s/.test(arg) ? JSON.stringify(arg) : arg)).join(" ")}</pre>
                </div>
                <div className="flex items-start gap-2">
                  <Link href={`/admin/command-tools/${encodeURIComponent(definition.name)}`} className={buttonClasses("secondary")} aria-label={`Edit ${definition.name}`}>
                    Edit
                  </Link>
                  <ActionButton
                    label="Delete"
                    ariaLabel={`Delete ${definition.name}`}
                    variant="danger"
                    action={deleteCommandToolAction}
                    fields={{ name: definition.name }}
                    confirm={{ title: `Delete ${definition.name}?`, body: "The tool and its grants are removed; clients lose it at once. Callers should be told first (deprecate it with a sunset date instead if anyone still uses it).", confirmLabel: "Delete tool" }}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
        <CommandToolForm initial={EMPTY_COMMAND_TOOL} mode="create" />
      </div>
    </>
  );
}
