import { commandToolDefinitionSchema, type CommandToolDefinition } from "@/lib/command-tools/command-tool-schema";
import { readCommandToolRow } from "@/lib/command-tools/read-command-tool-row";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";

/** A command tool's current definition, e.g. to prefill the console's edit form; HubError not_found. */
export async function getCommandTool(name: string): Promise<CommandToolDefinition> {
  const tool = await getPrisma().tool.findUnique({ where: { name }, include: { command: true } });
  if (!tool?.command) throw new HubError("not_found", `Command tool ${name} does not exist.`);
  return commandToolDefinitionSchema.parse(readCommandToolRow(tool, tool.command));
}
