import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { describeHeldChange, type HeldChange } from "@/lib/upstreams/describe-held-change";
import type { UpstreamToolDefinition } from "@/lib/upstreams/to-upstream-tool-definition";
import { toUpstreamServerView, type UpstreamServerView } from "@/lib/upstreams/to-upstream-server-view";

/** One upstream tool's state: served, held for review, or missing upstream. */
export interface UpstreamToolState {
  name: string;
  upstreamName: string;
  state: "approved" | "held" | "missing";
  enabled: boolean;
  description: string;
  approvedAt: Date | null;
  approvedBy: string | null;
  missingSince: Date | null;
  /** The held change (diff and classification) when state is "held". */
  change: ReviewableChange | null;
}

/**
 * A held change with the fingerprint of the held version: an approval that sends it back approves
 * only this version, not one the server defined after the admin looked.
 */
export interface ReviewableChange extends HeldChange {
  fingerprint: string;
}

export interface UpstreamServerDetail extends UpstreamServerView {
  tools: UpstreamToolState[];
}

/** A server with its tools and the diffs of held changes. HubError not_found for an unknown name. */
export async function getUpstreamServer(name: string): Promise<UpstreamServerDetail> {
  const row = await getPrisma().upstreamServer.findUnique({ where: { name }, include: { tools: { include: { tool: { select: { enabled: true } } }, orderBy: { upstreamName: "asc" } } } });
  if (!row) throw new HubError("not_found", `No server named ${name}; see server list for the registered ones.`);
  return {
    ...toUpstreamServerView(row),
    tools: row.tools.map((tool) => {
      const approved = tool.approvedDefinition as UpstreamToolDefinition | null;
      const pending = tool.pendingDefinition as UpstreamToolDefinition | null;
      const state = tool.missingSince ? "missing" : pending ? "held" : "approved";
      return {
        name: tool.toolName,
        upstreamName: tool.upstreamName,
        state,
        enabled: tool.tool.enabled,
        description: (pending ?? approved)?.description ?? "",
        approvedAt: tool.approvedAt,
        approvedBy: tool.approvedBy,
        missingSince: tool.missingSince,
        change: pending && tool.pendingFingerprint ? { ...describeHeldChange(approved, pending), fingerprint: tool.pendingFingerprint } : null,
      };
    }),
  };
}
