import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { buildCommandJsonSchema } from "@/lib/command-tools/build-command-json-schema";
import type { CommandToolDefinitionInput } from "@/lib/command-tools/command-tool-schema";
import { parseCommandToolDefinition } from "@/lib/command-tools/parse-command-tool-definition";
import { toCommandCatalogFields } from "@/lib/command-tools/to-command-catalog-fields";
import { toCommandToolData } from "@/lib/command-tools/to-command-tool-data";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { compareInputSchemas } from "@/lib/tool-catalog/compare-input-schemas";
import { recordToolRevision } from "@/lib/tool-catalog/record-tool-revision";

/**
 * Replaces a command tool's definition (same name), audited, and publishes catalog_changed.
 * Admin flags (enabled, deprecation, grants) are kept. Like code tools, a breaking schema change
 * is refused (HubError conflict): register it under a new name such as name_v2 instead.
 */
export async function updateCommandTool(input: { name: string; definition: CommandToolDefinitionInput; actor: Actor }): Promise<void> {
  const definition = parseCommandToolDefinition({ ...input.definition, name: input.name });
  const schema = buildCommandJsonSchema(definition.parameters);
  await getPrisma().$transaction(async (tx) => {
    const tool = await tx.tool.findUnique({ where: { name: input.name }, include: { command: true } });
    if (!tool?.command) throw new HubError("not_found", `Command tool ${input.name} does not exist.`);
    const comparison = compareInputSchemas(tool.inputSchema as Record<string, unknown>, schema.schema);
    if (!comparison.ok) throw new HubError("conflict", `${comparison.message}. Register the new definition under a new name (e.g. ${input.name}_v2).`);
    await tx.tool.update({ where: { name: input.name }, data: toCommandCatalogFields(definition, schema) });
    const { toolName: _name, ...commandData } = toCommandToolData(definition);
    await tx.commandTool.update({ where: { toolName: input.name }, data: commandData });
    await recordToolRevision(tx, { toolName: input.name, version: definition.version, schemaHash: schema.hash, inputSchema: schema.schema });
    await recordAuditEvent(
      {
        actor: input.actor,
        action: "command_tool.update",
        targetType: "tool",
        targetId: input.name,
        before: { version: tool.version, argv: tool.command.argv, parameters: tool.command.parameters as Prisma.InputJsonValue, workingDir: tool.command.workingDir, timeoutMs: tool.command.timeoutMs, maxOutputBytes: tool.command.maxOutputBytes },
        after: { version: definition.version, argv: definition.argv, parameters: definition.parameters as Prisma.InputJsonValue, workingDir: definition.workingDir, timeoutMs: definition.timeoutMs, maxOutputBytes: definition.maxOutputBytes },
      },
      tx,
    );
  });
  publishHubEvent({ type: "catalog_changed" });
}
