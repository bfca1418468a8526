import { checkReadFileInput } from "@/lib/workspace/check-read-file-input";
import { getWorkspaceBounds } from "@/lib/workspace/get-workspace-bounds";
import { READ_FILE_MAX_BYTES, readFileInputSchema, readWorkspaceFile, type ReadFileInput } from "@/lib/workspace/read-workspace-file";
import { resolveWorkspacePath, type ResolvedWorkspacePath } from "@/lib/workspace/resolve-workspace-path";
import { defineTool } from "@/mcp/tools/tool-definition";

/**
 * The input check resolves the path (realpath, bounds, data folder) so a bad path is refused as
 * invalid input; the run then opens that very real path (O_NOFOLLOW) instead of resolving it a
 * second time. A second realpath cost as much as the whole read and closed no race: a folder
 * swapped for a symlink can land between any realpath and the open. Keyed by the checked input
 * object, so an entry lives exactly as long as its call.
 */
const checkedPaths = new WeakMap<ReadFileInput, ResolvedWorkspacePath>();

export const readFileTool = defineTool({
  name: "read_file",
  version: "1.0.0",
  title: "Read file",
  description: `Reads a UTF-8 text file from the team workspace, whole (up to ${READ_FILE_MAX_BYTES / 1024} KB) or a range of lines. Paths are relative to the workspace root.`,
  inputSchema: readFileInputSchema,
  checkInput: async (input, context) => {
    const range = checkReadFileInput(input);
    if (!range.ok) return range;
    const resolved = await resolveWorkspacePath(await getWorkspaceBounds(context.workspaceRoot), input.path);
    if (!resolved.ok) return resolved;
    checkedPaths.set(input, resolved);
    return { ok: true };
  },
  run: async (input, context) => {
    const result = await readWorkspaceFile(await getWorkspaceBounds(context.workspaceRoot), input, checkedPaths.get(input));
    const note = result.truncated ? `\n[truncated after line ${result.endLine}: output limit ${READ_FILE_MAX_BYTES} bytes]` : "";
    return {
      text: `${result.text}${note}`,
      structured: { path: result.path, startLine: result.startLine, endLine: result.endLine, truncated: result.truncated },
    };
  },
});
