import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { MAX_TOOL_NAME_CHARS } from "@/lib/limits/bound-client-string";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import { Prisma } from "@/lib/generated/prisma/client";
import { canonicalizeInputSchema } from "@/lib/tool-catalog/canonicalize-input-schema";
import { recordToolRevision } from "@/lib/tool-catalog/record-tool-revision";
import type { UpstreamToolDefinition } from "@/lib/upstreams/to-upstream-tool-definition";
import { upstreamToolName } from "@/lib/upstreams/upstream-tool-name";

/**
 * Approves the held definitions of a server's tools (all of them, or the one named `toolName`,
 * given as TOOL or NAME__TOOL): each becomes the approved definition and fingerprint, the catalogue
 * row follows it (a schema change recorded in ToolRevision), one audit event per tool. Publishes
 * catalog_changed, so live sessions get list_changed. Returns the approved names; HubError
 * not_found for an unknown server or when nothing is held.
 */
export async function approveUpstreamTools(input: { serverName: string; toolName?: string; actor: Actor }): Promise<string[]> {
  // A tool name is echoed in the answer: one longer than any the hub keeps is refused unquoted.
  if (input.toolName !== undefined && input.toolName.length > MAX_TOOL_NAME_CHARS) throw new HubError("invalid_request", `A tool name has at most ${MAX_TOOL_NAME_CHARS} characters.`);
  const approved = await getPrisma().$transaction(async (tx) => {
    const server = await tx.upstreamServer.findUnique({ where: { name: input.serverName }, select: { id: true, serverVersion: true } });
    if (!server) throw new HubError("not_found", `No server named ${input.serverName}; see server list for the registered ones.`);
    const only = input.toolName?.startsWith(`${input.serverName}__`) ? input.toolName : input.toolName && upstreamToolName(input.serverName, input.toolName);
    const held = await tx.upstreamTool.findMany({ where: { serverId: server.id, pendingFingerprint: { not: null }, ...(only ? { toolName: only } : {}) } });
    if (held.length === 0) throw new HubError("not_found", only ? `Tool ${only} has no change awaiting review.` : `Server ${input.serverName} has no changes awaiting review.`);
    const now = new Date();
    for (const row of held) {
      const definition = row.pendingDefinition as unknown as UpstreamToolDefinition;
      const schema = canonicalizeInputSchema(definition.inputSchema);
      const version = server.serverVersion ?? "0.0.0";
      await tx.upstreamTool.update({
        where: { toolName: row.toolName },
        data: { approvedDefinition: row.pendingDefinition as Prisma.InputJsonValue, approvedFingerprint: row.pendingFingerprint, approvedAt: now, approvedBy: input.actor.label, pendingDefinition: Prisma.DbNull, pendingFingerprint: null, pendingSince: null },
      });
      await tx.tool.update({ where: { name: row.toolName }, data: { version, title: definition.title ?? row.toolName, description: definition.description, inputSchema: schema.schema as Prisma.InputJsonValue, schemaHash: schema.hash } });
      await recordToolRevision(tx, { toolName: row.toolName, version, schemaHash: schema.hash, inputSchema: schema.schema });
      await recordAuditEvent({ actor: input.actor, action: "upstream.tool_approve", targetType: "tool", targetId: row.toolName, before: { fingerprint: row.approvedFingerprint }, after: { fingerprint: row.pendingFingerprint } }, tx);
    }
    return held.map((row) => row.toolName);
  });
  publishHubEvent({ type: "catalog_changed" });
  return approved;
}
