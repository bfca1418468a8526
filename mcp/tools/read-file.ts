import { checkWorkspacePath } from "@/lib/workspace/check-workspace-path";
import { getWorkspaceBounds } from "@/lib/workspace/get-workspace-bounds";
import { checkReadFileInput } from "@/lib/workspace/check-read-file-input";
import { READ_FILE_MAX_BYTES, readFileInputSchema, readWorkspaceFile } from "@/lib/workspace/read-workspace-file";
import { defineTool } from "@/mcp/tools/tool-definition";

export const readFileTool = defineTool({
  name: "read_file",
  version: "1.0.0",
  title: "Read file",
  description: `Reads a UTF-8 text file from the team workspace, whole (up to ${READ_FILE_MAX_BYTES / 1024} KB) or a range of lines. Paths are relative to the workspace root.`,
  inputSchema: readFileInputSchema,
  checkInput: async (input, context) => {
    const range = checkReadFileInput(input);
    return range.ok ? checkWorkspacePath(context.workspaceRoot, input.path) : range;
  },
  run: async (input, context) => {
    const result = await readWorkspaceFile(await getWorkspaceBounds(context.workspaceRoot), input);
    const note = result.truncated ? `\n[truncated after line ${result.endLine}: output limit ${READ_FILE_MAX_BYTES} bytes]` : "";
    return {
      text: `${result.text}${note}`,
      structured: { path: result.path, startLine: result.startLine, endLine: result.endLine, truncated: result.truncated },
    };
  },
});
