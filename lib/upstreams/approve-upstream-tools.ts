import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { MAX_TOOL_NAME_CHARS } from "@/lib/limits/bound-client-string";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import { Prisma } from "@/lib/generated/prisma/client";
import { canonicalizeInputSchema } from "@/lib/tool-catalog/canonicalize-input-schema";
import { recordToolRevision } from "@/lib/tool-catalog/record-tool-revision";
import { heldFingerprintSchema } from "@/lib/upstreams/held-fingerprint-schema";
import type { UpstreamToolDefinition } from "@/lib/upstreams/to-upstream-tool-definition";
import { upstreamToolName } from "@/lib/upstreams/upstream-tool-name";

/** One approved definition: the tool and the fingerprint of the version that became approved. */
export interface ApprovedTool {
  name: string;
  fingerprint: string;
}

/**
 * Approves the held definitions of a server's tools (all of them, or the one named `toolName`,
 * given as TOOL or NAME__TOOL): each becomes the approved definition and fingerprint, the catalogue
 * row follows it (a schema change recorded in ToolRevision), one audit event per tool. Publishes
 * catalog_changed, so live sessions get list_changed. With `fingerprint` (the held version the
 * admin reviewed, whole or its first 16 digits; needs `toolName`), only that version is approved.
 * Returns what was approved; HubError not_found for an unknown server or when nothing is held,
 * conflict when the held version is not the one named by `fingerprint` (or changed during the
 * approval), invalid_request for a malformed tool name or fingerprint.
 */
export async function approveUpstreamTools(input: { serverName: string; toolName?: string; fingerprint?: string; actor: Actor }): Promise<ApprovedTool[]> {
  // A tool name is echoed in the answer: one longer than any the hub keeps is refused unquoted.
  if (input.toolName !== undefined && input.toolName.length > MAX_TOOL_NAME_CHARS) throw new HubError("invalid_request", `A tool name has at most ${MAX_TOOL_NAME_CHARS} characters.`);
  if (input.fingerprint !== undefined) {
    const checked = heldFingerprintSchema.safeParse(input.fingerprint);
    if (!checked.success) throw new HubError("invalid_request", `The fingerprint ${checked.error.issues[0].message}.`);
    if (!input.toolName) throw new HubError("invalid_request", "A fingerprint names one tool's held version: give the tool too.");
  }
  const approved = await getPrisma().$transaction(async (tx) => {
    const server = await tx.upstreamServer.findUnique({ where: { name: input.serverName }, select: { id: true, serverVersion: true } });
    if (!server) throw new HubError("not_found", `No server named ${input.serverName}; see server list for the registered ones.`);
    const only = input.toolName?.startsWith(`${input.serverName}__`) ? input.toolName : input.toolName && upstreamToolName(input.serverName, input.toolName);
    const held = await tx.upstreamTool.findMany({ where: { serverId: server.id, pendingFingerprint: { not: null }, ...(only ? { toolName: only } : {}) } });
    if (held.length === 0) throw new HubError("not_found", only ? `Tool ${only} has no change awaiting review.` : `Server ${input.serverName} has no changes awaiting review.`);
    const now = new Date();
    const changedAgain = (toolName: string) => new HubError("conflict", `Tool ${toolName} changed again since you looked; review it again.`);
    for (const row of held) {
      const fingerprint = row.pendingFingerprint as string;
      if (input.fingerprint !== undefined && !fingerprint.startsWith(input.fingerprint)) throw changedAgain(row.toolName);
      const definition = row.pendingDefinition as unknown as UpstreamToolDefinition;
      const schema = canonicalizeInputSchema(definition.inputSchema);
      const version = server.serverVersion ?? "0.0.0";
      // Only while the held version is still the one read above: a re-sync that holds a newer
      // definition meanwhile must not be approved unseen, nor be cleared by this approval.
      const { count } = await tx.upstreamTool.updateMany({
        where: { toolName: row.toolName, pendingFingerprint: fingerprint },
        data: { approvedDefinition: row.pendingDefinition as Prisma.InputJsonValue, approvedFingerprint: fingerprint, approvedAt: now, approvedBy: input.actor.label, pendingDefinition: Prisma.DbNull, pendingFingerprint: null, pendingSince: null },
      });
      if (count === 0) throw changedAgain(row.toolName);
      await tx.tool.update({ where: { name: row.toolName }, data: { version, title: definition.title ?? row.toolName, description: definition.description, inputSchema: schema.schema as Prisma.InputJsonValue, schemaHash: schema.hash } });
      await recordToolRevision(tx, { toolName: row.toolName, version, schemaHash: schema.hash, inputSchema: schema.schema });
      await recordAuditEvent({ actor: input.actor, action: "upstream.tool_approve", targetType: "tool", targetId: row.toolName, before: { fingerprint: row.approvedFingerprint }, after: { fingerprint } }, tx);
    }
    return held.map((row) => ({ name: row.toolName, fingerprint: row.pendingFingerprint as string }));
  });
  publishHubEvent({ type: "catalog_changed" });
  return approved;
}
