import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import type { CommandToolDefinition } from "@/lib/command-tools/command-tool-schema";
import { toCommandToolData } from "@/lib/command-tools/to-command-tool-data";
import { getPrisma } from "@/lib/db/prisma";
import { publishHubEvent } from "@/lib/events/hub-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordToolRevision } from "@/lib/tool-catalog/record-tool-revision";

/** Who the start-up sync is in the audit log. */
export const SYSTEM_ACTOR: Actor = { userId: null, label: "system" };

/** A tool as declared in code, ready for the catalogue. */
export interface CodeCatalogEntry {
  name: string;
  version: string;
  title: string;
  description: string;
  public: boolean;
  /** Canonical input JSON Schema and its sha256 (lib/tool-catalog/to-input-json-schema.ts). */
  inputSchema: Record<string, unknown>;
  schemaHash: string;
  /** Deprecation declared in code; applied whenever the row is not deprecated. */
  deprecation?: { message?: string; replacement?: string; sunset?: Date };
  /** A command tool seeded from code: its definition is written only when the tool is absent. */
  command?: CommandToolDefinition;
}

export interface SyncSummary {
  created: string[];
  updated: string[];
  deprecated: string[];
}

/**
 * Upserts the code-declared tools into the catalogue in one transaction (serialized across
 * instances by an advisory lock): new tools are created, a changed schema is recorded in
 * ToolRevision, code-owned fields (version, title, description, schema, public) follow the code,
 * and admin flags (enabled, deprecation, grants) are kept. Seeded command tools are created when
 * absent and otherwise left to their admins. Publishes catalog_changed when anything changed.
 */
export async function syncToolRows(entries: readonly CodeCatalogEntry[]): Promise<SyncSummary> {
  const summary: SyncSummary = { created: [], updated: [], deprecated: [] };
  await getPrisma().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('switchboard.sync_tool_catalog'))`;
      for (const entry of entries) await syncEntry(tx, entry, summary);
    },
    { timeout: 30_000 },
  );
  if (summary.created.length + summary.updated.length + summary.deprecated.length > 0) publishHubEvent({ type: "catalog_changed" });
  return summary;
}

async function syncEntry(tx: Prisma.TransactionClient, entry: CodeCatalogEntry, summary: SyncSummary): Promise<void> {
  const kind = entry.command ? "command" : "builtin";
  const codeFields = {
    version: entry.version,
    title: entry.title,
    description: entry.description,
    public: entry.public,
    inputSchema: entry.inputSchema as Prisma.InputJsonValue,
    schemaHash: entry.schemaHash,
  };
  const revision = { toolName: entry.name, version: entry.version, schemaHash: entry.schemaHash, inputSchema: entry.inputSchema };
  const existing = await tx.tool.findUnique({ where: { name: entry.name } });
  if (!existing) {
    await tx.tool.create({ data: { name: entry.name, kind, ...codeFields, ...toDeprecationFields(entry.deprecation) } });
    if (entry.command) await tx.commandTool.create({ data: toCommandToolData(entry.command) });
    await recordToolRevision(tx, revision);
    await recordAuditEvent({ actor: SYSTEM_ACTOR, action: "tool.register", targetType: "tool", targetId: entry.name, after: { version: entry.version, kind, schemaHash: entry.schemaHash } }, tx);
    summary.created.push(entry.name);
    return;
  }
  if (kind === "builtin") {
    const changed = (Object.keys(codeFields) as (keyof typeof codeFields)[]).some(
      (field) => field !== "inputSchema" && existing[field] !== codeFields[field],
    );
    if (changed || existing.kind !== kind) {
      await tx.tool.update({ where: { name: entry.name }, data: { ...codeFields, kind } });
      summary.updated.push(entry.name);
    }
    if (existing.schemaHash !== entry.schemaHash) {
      await recordToolRevision(tx, revision);
      await recordAuditEvent(
        {
          actor: SYSTEM_ACTOR,
          action: "tool.schema_change",
          targetType: "tool",
          targetId: entry.name,
          before: { version: existing.version, schemaHash: existing.schemaHash },
          after: { version: entry.version, schemaHash: entry.schemaHash },
        },
        tx,
      );
    }
  }
  if (entry.deprecation && !existing.deprecatedAt) {
    await tx.tool.update({ where: { name: entry.name }, data: toDeprecationFields(entry.deprecation) });
    await recordAuditEvent({ actor: SYSTEM_ACTOR, action: "tool.deprecate", targetType: "tool", targetId: entry.name, after: { ...entry.deprecation, sunset: entry.deprecation.sunset?.toISOString() ?? null } }, tx);
    summary.deprecated.push(entry.name);
  }
}

function toDeprecationFields(deprecation: CodeCatalogEntry["deprecation"]) {
  if (!deprecation) return {};
  return { deprecatedAt: new Date(), deprecationMessage: deprecation.message ?? null, replacement: deprecation.replacement ?? null, sunsetAt: deprecation.sunset ?? null };
}
