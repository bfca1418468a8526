import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toUpstreamServerView } from "@/lib/upstreams/to-upstream-server-view";

/**
 * Unregisters a server and its tools' catalogue rows (with their grants), audited; call logs stay.
 * Pools stop its connection (or process) on upstreams_changed. HubError not_found for an unknown name.
 */
export async function removeUpstreamServer(input: { name: string; actor: Actor }): Promise<void> {
  const id = await getPrisma().$transaction(async (tx) => {
    const row = await tx.upstreamServer.findUnique({ where: { name: input.name }, include: { tools: { select: { toolName: true } } } });
    if (!row) throw new HubError("not_found", `No server named ${input.name}; see server list for the registered ones.`);
    await tx.tool.deleteMany({ where: { name: { in: row.tools.map((tool) => tool.toolName) } } });
    await tx.upstreamServer.delete({ where: { id: row.id } });
    await recordAuditEvent({ actor: input.actor, action: "upstream.remove", targetType: "upstream_server", targetId: row.name, before: toUpstreamServerView(row) as unknown as Prisma.InputJsonValue, after: null }, tx);
    return row.id;
  });
  publishHubEvent({ type: "upstreams_changed", serverId: id });
  publishHubEvent({ type: "catalog_changed" });
}
