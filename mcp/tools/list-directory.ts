import { checkWorkspacePath } from "@/lib/workspace/check-workspace-path";
import { getWorkspaceBounds } from "@/lib/workspace/get-workspace-bounds";
import { listDirectoryInputSchema, listWorkspaceDirectory } from "@/lib/workspace/list-workspace-directory";
import { defineTool } from "@/mcp/tools/tool-definition";

export const listDirectoryTool = defineTool({
  name: "list_directory",
  version: "1.0.0",
  title: "List directory",
  description: "Lists files and folders in the team workspace (folders end with /), optionally a few levels deep. Paths are relative to the workspace root.",
  inputSchema: listDirectoryInputSchema,
  checkInput: (input, context) => checkWorkspacePath(context.workspaceRoot, input.path),
  run: async (input, context) => {
    const { entries, truncated } = await listWorkspaceDirectory(await getWorkspaceBounds(context.workspaceRoot), input);
    const lines = entries.map((entry) =>
      entry.type === "directory" ? `${entry.path}/` : entry.type === "file" ? `${entry.path} (${entry.size} bytes)` : `${entry.path} (${entry.type})`,
    );
    if (truncated) lines.push(`[stopped at ${entries.length} entries; raise maxEntries or list a subfolder]`);
    return { text: lines.length > 0 ? lines.join("\n") : "(empty folder)", structured: { entries, truncated } };
  },
});
