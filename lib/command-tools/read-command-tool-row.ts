import type { CommandTool, Tool } from "@/lib/generated/prisma/client";

/** The unparsed definition stored across a Tool row and its CommandTool row. */
export function readCommandToolRow(tool: Tool, command: CommandTool): Record<string, unknown> {
  return {
    name: tool.name,
    version: tool.version,
    title: tool.title,
    description: tool.description,
    public: tool.public,
    argv: command.argv,
    parameters: command.parameters,
    workingDir: command.workingDir,
    timeoutMs: command.timeoutMs,
    maxOutputBytes: command.maxOutputBytes,
  };
}
