import { stat } from "node:fs/promises";
import { buildCommandArgv } from "@/lib/command-tools/build-command-argv";
import { TIMEOUT_PARAMETER, type CommandToolDefinition } from "@/lib/command-tools/command-tool-schema";
import type { CommandInvocation } from "@/lib/command-tools/run-command";
import { resolveWorkspacePath, type WorkspaceBounds } from "@/lib/workspace/resolve-workspace-path";

export type PreparedInvocation = { ok: true; invocation: CommandInvocation } | { ok: false; message: string };

/**
 * Turns a call's schema-valid values into a runnable invocation: resolves the working folder and
 * every path parameter inside the workspace (realpath, no escapes), builds argv with
 * buildCommandArgv, and applies a caller's shorter timeoutSeconds.
 */
export async function prepareCommandInvocation(
  definition: Pick<CommandToolDefinition, "argv" | "parameters" | "workingDir" | "timeoutMs" | "maxOutputBytes">,
  values: Record<string, unknown>,
  bounds: WorkspaceBounds,
): Promise<PreparedInvocation> {
  const cwd = await resolveWorkspacePath(bounds, definition.workingDir);
  if (!cwd.ok) return { ok: false, message: `The tool's working folder is unusable: ${cwd.message}` };
  if (!(await stat(cwd.absolutePath)).isDirectory()) return { ok: false, message: "The tool's working folder is not a folder." };
  const resolvedValues: Record<string, unknown> = { ...values };
  for (const [name, parameter] of Object.entries(definition.parameters)) {
    const value = values[name];
    if (parameter.type !== "path" || value === undefined) continue;
    if (typeof value !== "string") return { ok: false, message: `${name} must be a string.` };
    const resolved = await resolveWorkspacePath(bounds, value);
    if (!resolved.ok) return { ok: false, message: `${name}: ${resolved.message}` };
    resolvedValues[name] = resolved.absolutePath;
  }
  const built = buildCommandArgv(definition.argv, definition.parameters, resolvedValues);
  if (!built.ok) return built;
  const timeoutSeconds = values[TIMEOUT_PARAMETER];
  const timeoutMs = typeof timeoutSeconds === "number" ? Math.min(definition.timeoutMs, timeoutSeconds * 1000) : definition.timeoutMs;
  return { ok: true, invocation: { argv: built.argv, cwd: cwd.absolutePath, timeoutMs, maxOutputBytes: definition.maxOutputBytes } };
}
