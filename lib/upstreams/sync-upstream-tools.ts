import { boundClientString, MAX_CLIENT_INFO_CHARS } from "@/lib/limits/bound-client-string";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { publishHubEvent } from "@/lib/events/hub-events";
import { Prisma } from "@/lib/generated/prisma/client";
import { canonicalizeInputSchema } from "@/lib/tool-catalog/canonicalize-input-schema";
import { recordToolRevision } from "@/lib/tool-catalog/record-tool-revision";
import { SYSTEM_ACTOR } from "@/lib/tool-catalog/sync-tool-rows";
import { fingerprintToolDefinition } from "@/lib/upstreams/fingerprint-tool-definition";
import type { UpstreamToolDefinition } from "@/lib/upstreams/to-upstream-tool-definition";
import { upstreamSettingsVersion } from "@/lib/upstreams/upstream-settings-version";
import { upstreamToolName } from "@/lib/upstreams/upstream-tool-name";

export interface ListedUpstreamTool {
  name: string;
  definition: UpstreamToolDefinition;
}

export interface UpstreamSyncSummary {
  /** New or changed tools now awaiting review. */
  held: string[];
  /** New tools approved on the spot (server add). */
  approved: string[];
  /** Tools the server stopped listing. */
  missing: string[];
  /** Missing tools listed again (with their approved definition). */
  restored: string[];
  /** The list was read with settings older than the stored ones, and ignored. */
  stale?: boolean;
}

/**
 * Reconciles the catalogue with the tools an upstream lists now, in one transaction serialized per
 * server across instances. A tool whose fingerprint equals the approved one is served; a new tool
 * or a changed definition is held (`pending*`) until an admin approves it, unless `approveAs` is
 * given (the admin adding the server approves what it lists then). A tool no longer listed is
 * marked missing, never deleted. Publishes catalog_changed when anything changed.
 *
 * `reviewAll` (the server now runs elsewhere: another host or command) withdraws every approval
 * of the server: what was approved was that upstream's tools, and a new one may define the same
 * tools to behave otherwise. Every listed tool is held, and the approved fingerprints are cleared
 * so that later re-reads (which hold what differs from the approved fingerprint) keep them held
 * until an admin approves them; a missing tool that comes back is held too.
 *
 * `settingsVersion` (the stored settings the listing connection was opened with): when they are
 * no longer the stored ones, or the server was renamed, the list is another upstream's (or named
 * after the old name) and is ignored (`stale`). The server
 * row is locked first, as an edit's transaction does before it syncs (same lock order: no
 * deadlock), so a re-read waiting on an edit sees its settings once it commits.
 */
export async function syncUpstreamTools(
  input: { serverId: string; serverName: string; serverVersion?: string; tools: readonly ListedUpstreamTool[]; approveAs?: Actor; reviewAll?: boolean; settingsVersion?: string },
  db?: Prisma.TransactionClient,
): Promise<UpstreamSyncSummary> {
  const summary: UpstreamSyncSummary = { held: [], approved: [], missing: [], restored: [] };
  const run = async (tx: Prisma.TransactionClient) => {
    await tx.$executeRaw`SELECT 1 FROM "UpstreamServer" WHERE id = ${input.serverId}::uuid FOR UPDATE`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('switchboard.sync_upstream'), hashtext(${input.serverId}))`;
    if (input.settingsVersion !== undefined) {
      // A rename committed since the list was read: its names would recreate OLD__TOOL rows.
      const server = await tx.upstreamServer.findUnique({ where: { id: input.serverId } });
      if (!server || server.name !== input.serverName || upstreamSettingsVersion(server) !== input.settingsVersion) {
        summary.stale = true;
        return;
      }
    }
    const existing = new Map((await tx.upstreamTool.findMany({ where: { serverId: input.serverId } })).map((row) => [row.upstreamName, row]));
    const now = new Date();
    const serverVersion = boundClientString(input.serverVersion, MAX_CLIENT_INFO_CHARS);
    const version = serverVersion ?? "0.0.0";
    for (const listed of input.tools) {
      const toolName = upstreamToolName(input.serverName, listed.name);
      const fingerprint = fingerprintToolDefinition(listed.definition);
      const row = existing.get(listed.name);
      if (!row) {
        await createToolRow(tx, toolName, version, listed.definition);
        const approved = input.approveAs
          ? { approvedDefinition: asJson(listed.definition), approvedFingerprint: fingerprint, approvedAt: now, approvedBy: input.approveAs.label }
          : { pendingDefinition: asJson(listed.definition), pendingFingerprint: fingerprint, pendingSince: now };
        await tx.upstreamTool.create({ data: { toolName, serverId: input.serverId, upstreamName: listed.name, ...approved } });
        if (input.approveAs) summary.approved.push(toolName);
        else await hold(tx, summary, toolName, null, fingerprint);
        continue;
      }
      const data: Prisma.UpstreamToolUpdateInput = {};
      const approvedFingerprint = input.reviewAll ? null : row.approvedFingerprint;
      if (input.reviewAll && row.approvedFingerprint) data.approvedFingerprint = null;
      if (row.missingSince) {
        data.missingSince = null;
        summary.restored.push(toolName);
      }
      if (approvedFingerprint === fingerprint) {
        if (row.pendingFingerprint) Object.assign(data, { pendingDefinition: DB_NULL, pendingFingerprint: null, pendingSince: null });
      } else if (row.pendingFingerprint !== fingerprint || input.reviewAll) {
        Object.assign(data, { pendingDefinition: asJson(listed.definition), pendingFingerprint: fingerprint, pendingSince: now });
        await hold(tx, summary, toolName, row.approvedFingerprint, fingerprint);
      }
      if (Object.keys(data).length > 0) await tx.upstreamTool.update({ where: { toolName }, data });
    }
    const listedNames = new Set(input.tools.map((tool) => tool.name));
    if (input.reviewAll) await tx.upstreamTool.updateMany({ where: { serverId: input.serverId, upstreamName: { notIn: [...listedNames] } }, data: { approvedFingerprint: null } });
    for (const row of existing.values()) {
      if (listedNames.has(row.upstreamName) || row.missingSince) continue;
      await tx.upstreamTool.update({ where: { toolName: row.toolName }, data: { missingSince: now } });
      await recordAuditEvent({ actor: SYSTEM_ACTOR, action: "upstream.tool_missing", targetType: "tool", targetId: row.toolName, before: { fingerprint: row.approvedFingerprint }, after: null }, tx);
      summary.missing.push(row.toolName);
    }
    await tx.upstreamServer.update({ where: { id: input.serverId }, data: { serverVersion } });
  };
  if (db) await run(db);
  else await getPrisma().$transaction(run, { timeout: 30_000 });
  if (!db && summary.held.length + summary.approved.length + summary.missing.length + summary.restored.length > 0) publishHubEvent({ type: "catalog_changed" });
  return summary;
}

const DB_NULL = Prisma.DbNull;

function asJson(definition: UpstreamToolDefinition): Prisma.InputJsonValue {
  return definition as unknown as Prisma.InputJsonValue;
}

/** The catalogue row every upstream tool has (grants, deprecation and call logs hang off it). */
async function createToolRow(tx: Prisma.TransactionClient, toolName: string, version: string, definition: UpstreamToolDefinition): Promise<void> {
  const schema = canonicalizeInputSchema(definition.inputSchema);
  await tx.tool.create({
    data: { name: toolName, kind: "upstream", version, title: definition.title ?? toolName, description: definition.description, inputSchema: schema.schema as Prisma.InputJsonValue, schemaHash: schema.hash },
  });
}

async function hold(tx: Prisma.TransactionClient, summary: UpstreamSyncSummary, toolName: string, approved: string | null, pending: string): Promise<void> {
  await recordAuditEvent({ actor: SYSTEM_ACTOR, action: "upstream.tool_held", targetType: "tool", targetId: toolName, before: approved ? { fingerprint: approved } : null, after: { fingerprint: pending } }, tx);
  summary.held.push(toolName);
}
