import { buildCommandInputSchema } from "@/lib/command-tools/build-command-input-schema";
import type { CommandToolDefinition } from "@/lib/command-tools/command-tool-schema";
import { prepareCommandInvocation } from "@/lib/command-tools/prepare-command-invocation";
import { runCommand, type CommandInvocation, type CommandResult } from "@/lib/command-tools/run-command";
import { getWorkspaceBounds } from "@/lib/workspace/get-workspace-bounds";
import { formatToolDescription, type ToolDeprecation } from "@/lib/tool-catalog/format-tool-description";
import { toDeprecationMeta } from "@/lib/tool-catalog/to-deprecation-meta";
import { formatInputIssues } from "@/mcp/tools/format-input-issues";
import type { RunnableTool } from "@/mcp/catalogue/runnable-tool";
import { toToolResult } from "@/mcp/catalogue/to-tool-result";
import type { ToolOutput } from "@/mcp/tools/tool-definition";

/**
 * An admin-defined command as a RunnableTool. validateInput parses the generated schema, resolves
 * paths and builds argv, so a call is refused before anything is spawned; run spawns it.
 */
export function toRunnableCommandTool(
  definition: CommandToolDefinition,
  catalog: { inputJsonSchema: Record<string, unknown>; deprecation: ToolDeprecation; public: boolean },
): RunnableTool {
  const inputSchema = buildCommandInputSchema(definition.parameters);
  return {
    name: definition.name,
    version: definition.version,
    title: definition.title,
    description: formatToolDescription(definition.description, catalog.deprecation),
    meta: toDeprecationMeta(catalog.deprecation),
    inputJsonSchema: catalog.inputJsonSchema,
    public: catalog.public,
    async validateInput(args, context) {
      const parsed = inputSchema.safeParse(args ?? {});
      if (!parsed.success) return { ok: false, message: `Invalid arguments for ${definition.name}: ${formatInputIssues(parsed.error)}` };
      const prepared = await prepareCommandInvocation(definition, parsed.data, await getWorkspaceBounds(context.workspaceRoot));
      return prepared.ok ? { ok: true, input: prepared.invocation } : { ok: false, message: `Invalid arguments for ${definition.name}: ${prepared.message}` };
    },
    async run(input, context) {
      return toToolResult(formatCommandResult(await runCommand(input as CommandInvocation, context.signal), input as CommandInvocation));
    },
  };
}

function formatCommandResult(result: CommandResult, invocation: CommandInvocation): ToolOutput {
  const status = result.timedOut
    ? `Timed out after ${invocation.timeoutMs / 1000} s and was killed.`
    : result.aborted
      ? "Cancelled and killed."
      : `Exit code ${result.exitCode} after ${result.durationMs} ms.`;
  const note = result.truncated ? `\n[output truncated at ${invocation.maxOutputBytes} bytes]` : "";
  return {
    text: `${status}\n${result.output}${note}`,
    structured: { exitCode: result.exitCode, timedOut: result.timedOut, truncated: result.truncated, durationMs: result.durationMs },
  };
}
