import type { CommandToolSeed } from "@/mcp/tools/command-tool-seed";
import { echoTool } from "@/mcp/tools/echo";
import { listDirectoryTool } from "@/mcp/tools/list-directory";
import { readFileTool } from "@/mcp/tools/read-file";
import { readNoteTool } from "@/mcp/tools/read-note";
import { runTestsSeed } from "@/mcp/tools/run-tests";
import { runTestsV2Seed } from "@/mcp/tools/run-tests-v2";
import { searchNotesTool } from "@/mcp/tools/search-notes";
import { searchTextTool } from "@/mcp/tools/search-text";
import type { ToolDefinition } from "@/mcp/tools/tool-definition";
import { writeNoteTool } from "@/mcp/tools/write-note";

/**
 * Every tool defined in code. Add a new tool here (and to the schema snapshot). The cast widens
 * each tool's input type: run() only ever receives input its own schema parsed.
 */
export const CODE_TOOLS = [
  echoTool,
  readFileTool,
  listDirectoryTool,
  searchTextTool,
  writeNoteTool,
  readNoteTool,
  searchNotesTool,
] as unknown as readonly ToolDefinition[];

/** Command tools the hub ships with; a replacement comes before the tool it replaces. */
export const COMMAND_TOOL_SEEDS: readonly CommandToolSeed[] = [runTestsV2Seed, runTestsSeed];
