import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { StatusBadge } from "@/app/(console)/admin/_components/status-badge";
import { describeToolSource } from "@/lib/console/tools/describe-tool-source";
import { getToolSource } from "@/lib/console/tools/get-tool-source";
import { getToolListStatus } from "@/lib/console/tools/get-tool-list-status";
import type { ToolStatus } from "@/lib/tool-catalog/get-tool-status";
import type { UpstreamReviewState } from "@/lib/tool-catalog/get-upstream-review-state";
import { ToolStatusBadge } from "./tool-status-badge";

/** The top of a tool's page: back to the list, name (the page's h1), title, status (held / missing for an upstream tool in review), version, source. */
export function ToolDetailHeader({ tool, calls24h }: { tool: { name: string; title: string; version: string; status: ToolStatus; review?: UpstreamReviewState | null; kind: string; server?: string | null }; calls24h: number | null }) {
  return (
    <header className="flex min-w-0 flex-col gap-2">
      <Link href="/tools" className="flex w-fit items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
        <ArrowLeft className="size-4" aria-hidden="true" /> All tools
      </Link>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1 id="tool-title" className="font-mono text-2xl font-semibold tracking-tight break-all">
          {tool.name}
        </h1>
        <span className="text-zinc-600 dark:text-zinc-400">{tool.title}</span>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        <ToolStatusBadge status={getToolListStatus({ status: tool.status, review: tool.review ?? null })} />
        <span className="rounded-full bg-zinc-100 px-2 py-0.5 font-mono text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">v{tool.version}</span>
        <StatusBadge tone="indigo">{describeToolSource(getToolSource({ kind: tool.kind, server: tool.server ?? null }))}</StatusBadge>
        {calls24h === null ? null : (
          <span>
            <span className="font-semibold text-zinc-900 tabular-nums dark:text-zinc-100">{calls24h.toLocaleString("en")}</span> {calls24h === 1 ? "call" : "calls"} in the last 24 h
          </span>
        )}
      </div>
    </header>
  );
}
