import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommandToolDefinition } from "@/lib/command-tools/command-tool-schema";

/** The CommandTool row fields of a parsed definition. */
export function toCommandToolData(definition: CommandToolDefinition): Prisma.CommandToolUncheckedCreateInput {
  return {
    toolName: definition.name,
    argv: definition.argv,
    parameters: definition.parameters as Prisma.InputJsonValue,
    workingDir: definition.workingDir,
    timeoutMs: definition.timeoutMs,
    maxOutputBytes: definition.maxOutputBytes,
  };
}
