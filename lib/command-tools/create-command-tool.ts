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
import { recordToolRevision } from "@/lib/tool-catalog/record-tool-revision";

/**
 * Registers an admin-defined command as a tool (Tool kind "command" + CommandTool), audited, and
 * publishes catalog_changed. HubError validation_failed for a bad definition, conflict when the
 * name is taken.
 */
export async function createCommandTool(input: { definition: CommandToolDefinitionInput; actor: Actor }): Promise<void> {
  const definition = parseCommandToolDefinition(input.definition);
  const schema = buildCommandJsonSchema(definition.parameters);
  await getPrisma().$transaction(async (tx) => {
    if (await tx.tool.findUnique({ where: { name: definition.name }, select: { name: true } })) {
      throw new HubError("conflict", `A tool named ${definition.name} already exists.`);
    }
    await tx.tool.create({ data: { name: definition.name, kind: "command", ...toCommandCatalogFields(definition, schema) } });
    await tx.commandTool.create({ data: toCommandToolData(definition) });
    await recordToolRevision(tx, { toolName: definition.name, version: definition.version, schemaHash: schema.hash, inputSchema: schema.schema });
    await recordAuditEvent(
      { actor: input.actor, action: "command_tool.create", targetType: "tool", targetId: definition.name, after: { ...definition, parameters: definition.parameters as Prisma.InputJsonValue } },
      tx,
    );
  });
  publishHubEvent({ type: "catalog_changed" });
}
