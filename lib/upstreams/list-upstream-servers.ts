import { getPrisma } from "@/lib/db/prisma";
import { toUpstreamServerView, type UpstreamServerView } from "@/lib/upstreams/to-upstream-server-view";

export interface UpstreamServerSummary extends UpstreamServerView {
  toolCount: number;
  heldCount: number;
  missingCount: number;
}

/** Every registered upstream server, by name, with tool counts (served, held, missing). */
export async function listUpstreamServers(): Promise<UpstreamServerSummary[]> {
  const rows = await getPrisma().upstreamServer.findMany({ include: { tools: { select: { pendingFingerprint: true, missingSince: true, approvedFingerprint: true } } }, orderBy: { name: "asc" } });
  return rows.map(({ tools, ...row }) => ({
    ...toUpstreamServerView({ ...row }),
    toolCount: tools.filter((tool) => tool.approvedFingerprint && !tool.pendingFingerprint && !tool.missingSince).length,
    heldCount: tools.filter((tool) => tool.pendingFingerprint && !tool.missingSince).length,
    missingCount: tools.filter((tool) => tool.missingSince).length,
  }));
}
