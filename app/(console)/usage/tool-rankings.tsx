import { buttonClasses } from "@/app/_components/button";
import type { RankedToolUsage } from "@/lib/console/usage/rank-tool-usage";
import type { UsageRange } from "@/lib/usage/usage-ranges";
import { FilterSelect } from "./filter-select";
import { ToolRankingTable } from "./tool-ranking-table";

/**
 * The dashboard's two per-tool rankings (slowest, most failing), each tool with its upstream
 * server, and a server filter (a GET form keeping the range and user; shown when a ranked tool
 * has a server) that narrows both to one server's tools.
 */
export function ToolRankings({ slowest, mostFailing, range, userId, server, serverNames }: { slowest: readonly RankedToolUsage[]; mostFailing: readonly RankedToolUsage[]; range: UsageRange; userId: string | null; server: string | null; serverNames: readonly string[] }) {
  const whose = server ? ` of ${server}` : "";
  return (
    <>
      {serverNames.length > 0 ? (
        <form method="get" action="/usage" aria-label="Rank the tools of one server" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="range" value={range} />
          {userId ? <input type="hidden" name="user" value={userId} /> : null}
          <FilterSelect label="Server" name="server" value={server} emptyLabel="Every tool" options={serverNames.map((name) => ({ value: name, label: name }))} />
          <button type="submit" className={buttonClasses("secondary")}>
            Rank
          </button>
        </form>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <ToolRankingTable id="slowest-tools" title="Slowest tools (by p95)" tools={slowest} emptyText={`No tool${whose} ran in this range.`} userId={userId} />
        <ToolRankingTable id="failing-tools" title="Most failing tools" tools={mostFailing} emptyText={`No failed calls${whose} in this range. Nice.`} userId={userId} />
      </div>
    </>
  );
}
