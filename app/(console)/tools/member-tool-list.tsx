import { TriangleAlert, Wrench } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { LocalTime } from "@/app/_components/charts/local-time";
import { EmptyState } from "@/app/_components/empty-state";
import type { MyTool } from "@/lib/console/list-my-tools";
import { InputSchemaDetails } from "./input-schema-details";

function DeprecationNotice({ tool }: { tool: MyTool }) {
  return (
    <p className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
      <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <span>
        Deprecated{tool.replacement ? <> — use <code className="font-mono">{tool.replacement}</code> instead</> : null}.
        {tool.deprecationMessage ? ` ${tool.deprecationMessage}` : null}
        {tool.sunsetAt ? <> Stops working on <LocalTime iso={tool.sunsetAt.toISOString()} style="dayTime" />.</> : null}
      </span>
    </p>
  );
}

/** A member's read-only view: the tools their keys can call, as tools/list shows them. */
export function MemberToolList({ tools }: { tools: MyTool[] }) {
  if (tools.length === 0) {
    return (
      <EmptyState
        icon={<Wrench className="size-6" />}
        title="No tools for you yet"
        action={
          <Link href="/keys" className={buttonClasses("secondary")}>
            Go to your keys
          </Link>
        }
      >
        Ask an admin to grant you tools; they show up here, and in your clients, right away.
      </EmptyState>
    );
  }
  return (
    <ul className="grid gap-4">
      {tools.map((tool) => (
        <li key={tool.name} className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <h2 className="font-mono text-base font-semibold">{tool.name}</h2>
            <span className="text-sm text-zinc-600 dark:text-zinc-400">{tool.title}</span>
            <span className="rounded-full bg-zinc-100 px-2 py-0.5 font-mono text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">v{tool.version}</span>
          </div>
          <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{tool.description}</p>
          {tool.status === "deprecated" ? (
            <div className="mt-3">
              <DeprecationNotice tool={tool} />
            </div>
          ) : null}
          <InputSchemaDetails schema={tool.inputSchema} />
        </li>
      ))}
    </ul>
  );
}
