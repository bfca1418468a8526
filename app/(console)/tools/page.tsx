import { TriangleAlert, Wrench } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { listMyTools, type MyTool } from "@/lib/console/list-my-tools";
import { requireConsoleUser } from "@/lib/console/require-console-user";

export const metadata: Metadata = { title: "Tools" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function DeprecationNotice({ tool }: { tool: MyTool }) {
  return (
    <p className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
      <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <span>
        Deprecated{tool.replacement ? <> — use <code className="font-mono">{tool.replacement}</code> instead</> : null}.
        {tool.deprecationMessage ? ` ${tool.deprecationMessage}` : null}
        {tool.sunsetAt ? <> Stops working on <time dateTime={tool.sunsetAt.toISOString()}>{dateFormat.format(tool.sunsetAt)}</time>.</> : null}
      </span>
    </p>
  );
}

export default async function ToolsPage() {
  const user = await requireConsoleUser();
  const tools = await listMyTools(user);
  return (
    <>
      <PageHeader title="Tools" description="What your keys can call, as MCP clients see it in tools/list. A key limited to some tools sees only those." />
      {tools.length === 0 ? (
        <EmptyState
          icon={<Wrench className="size-6" />}
          title="No tools for you yet"
          action={
            <Link href="/keys" className={buttonClasses("secondary")}>
              Go to your keys
            </Link>
          }
        >
          {user.role === "admin" ? "The catalogue is empty: tools appear once the hub has synced them at start." : "Ask an admin to grant you tools; they show up here, and in your clients, right away."}
        </EmptyState>
      ) : (
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
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400">Input schema</summary>
                <pre tabIndex={0} className="mt-2 overflow-x-auto rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100 dark:bg-black">
                  <code>{JSON.stringify(tool.inputSchema, null, 2)}</code>
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
