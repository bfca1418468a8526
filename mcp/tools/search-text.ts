import { checkWorkspacePath } from "@/lib/workspace/check-workspace-path";
import { getWorkspaceBounds } from "@/lib/workspace/get-workspace-bounds";
import { searchTextInputSchema, searchWorkspaceText } from "@/lib/workspace/search-workspace-text";
import { defineTool } from "@/mcp/tools/tool-definition";

export const searchTextTool = defineTool({
  name: "search_text",
  version: "1.0.0",
  title: "Search text",
  description:
    "Finds lines containing a literal text in the team workspace (like grep -F), optionally limited to a folder and a file glob. Skips .git, node_modules, binary and very large files.",
  inputSchema: searchTextInputSchema,
  checkInput: (input, context) => checkWorkspacePath(context.workspaceRoot, input.path),
  run: async (input, context) => {
    const result = await searchWorkspaceText(await getWorkspaceBounds(context.workspaceRoot), input, context.signal);
    const lines = result.matches.map((match) => `${match.path}:${match.line}: ${match.text}`);
    if (result.truncated) lines.push("[more matches may exist; narrow the search or raise maxResults]");
    return { text: lines.length > 0 ? lines.join("\n") : `No matches in ${result.filesSearched} files.`, structured: { ...result } };
  },
});
