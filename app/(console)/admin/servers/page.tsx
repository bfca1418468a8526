import { Network } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { AdminBackLink } from "@/app/(console)/admin/_components/admin-back-link";
import { requireConsoleAdmin } from "@/lib/console/require-console-admin";
import { getUpstreamServer } from "@/lib/upstreams/get-upstream-server";
import { listUpstreamServers } from "@/lib/upstreams/list-upstream-servers";
import { getToolUsageStats } from "@/lib/usage/get-tool-usage-stats";
import { AddServerForm } from "./add-server-form";
import { ServerCard } from "./server-card";

export const metadata: Metadata = { title: "Servers" };

export default async function ServersPage() {
  await requireConsoleAdmin();
  const [servers, usage] = await Promise.all([listUpstreamServers(), getToolUsageStats({ range: "24h" }, { groupBy: "server" })]);
  const details = await Promise.all(servers.filter((server) => server.heldCount > 0).map((server) => getUpstreamServer(server.name)));
  const usageByServer = new Map(usage.map((row) => [row.toolName, row]));
  const detailByServer = new Map(details.map((detail) => [detail.name, detail]));
  return (
    <>
      <AdminBackLink />
      <PageHeader title="Servers" description="MCP servers your team already runs, behind the hub: their tools appear as NAME__TOOL, governed like the hub's own. Changed definitions wait here for review." />
      <div className="flex flex-col gap-6">
        {servers.length === 0 ? (
          <EmptyState icon={<Network className="size-6" />} title="No upstream servers yet">
            Add a local command or a remote URL below; the hub connects, lists its tools and serves them once granted.
          </EmptyState>
        ) : (
          <ul className="grid gap-3">
            {servers.map((server) => (
              <ServerCard key={server.id} server={server} usage={usageByServer.get(server.name)} detail={detailByServer.get(server.name)} />
            ))}
          </ul>
        )}
        <AddServerForm />
      </div>
    </>
  );
}
