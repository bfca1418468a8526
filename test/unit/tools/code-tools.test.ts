import assert from "node:assert/strict";
import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { echoTool } from "@/mcp/tools/echo";
import { listDirectoryTool } from "@/mcp/tools/list-directory";
import { readFileTool } from "@/mcp/tools/read-file";
import { searchTextTool } from "@/mcp/tools/search-text";
import type { ToolContext, ToolDefinition } from "@/mcp/tools/tool-definition";
import { toToolOutput } from "@/test/helpers/to-tool-output";
import { toRunnableCodeTool } from "@/mcp/catalogue/to-runnable-code-tool";

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), "sb-code-tools-")));
writeFileSync(path.join(root, "notes.txt"), "alpha\nbeta\ngamma\n");
after(() => rmSync(root, { recursive: true, force: true }));

const context: ToolContext = {
  principal: { userId: crypto.randomUUID(), email: "dev@example.com", role: "member", keyId: crypto.randomUUID(), keyPrefix: "sb_test", allowedTools: [], rateLimitPolicy: null },
  workspaceRoot: root,
  signal: new AbortController().signal,
};
const runnable = (tool: unknown) => toRunnableCodeTool(tool as ToolDefinition);

async function call(tool: unknown, args: unknown) {
  const validated = await runnable(tool).validateInput(args, context);
  if (!validated.ok) return { refused: validated.message };
  return toToolOutput(await runnable(tool).run(validated.input, context));
}

describe("code tools through RunnableTool", () => {
  test("echo returns its message and is the one public tool", async () => {
    assert.deepEqual(await call(echoTool, { message: "hello" }), { text: "hello" });
    assert.equal(runnable(echoTool).public, true);
    for (const tool of [readFileTool, listDirectoryTool, searchTextTool]) assert.equal(runnable(tool).public, false);
  });

  const refused: Array<[string, unknown, unknown, string]> = [
    ["echo over 10 000 characters", echoTool, { message: "x".repeat(10_001) }, "Invalid arguments for echo: message: Too big: expected string to have <=10000 characters"],
    ["echo without a message", echoTool, {}, "Invalid arguments for echo: message: Invalid input: expected string, received undefined"],
    ["echo with no arguments at all", echoTool, undefined, "Invalid arguments for echo: message: Invalid input: expected string, received undefined"],
    ["a reversed line range", readFileTool, { path: "notes.txt", startLine: 3, endLine: 1 }, "Invalid arguments for read_file: endLine (1) is before startLine (3)."],
    ["a fractional line", readFileTool, { path: "notes.txt", startLine: 1.5 }, "Invalid arguments for read_file: startLine: Invalid input: expected int, received number"],
    ["a directory depth above the cap", listDirectoryTool, { depth: 6 }, "Invalid arguments for list_directory: depth: Too big: expected number to be <=5"],
    ["a search result cap above the limit", searchTextTool, { query: "a", maxResults: 501 }, "Invalid arguments for search_text: maxResults: Too big: expected number to be <=500"],
  ];
  for (const [name, tool, args, message] of refused) {
    test(`refuses ${name}`, async () => {
      assert.deepEqual(await call(tool, args), { refused: message });
    });
  }

  test("read_file returns a line range", async () => {
    const output = await call(readFileTool, { path: "notes.txt", startLine: 2, endLine: 3 });
    assert.deepEqual(output, { text: "beta\ngamma", structured: { path: "notes.txt", startLine: 2, endLine: 3, truncated: false } });
  });

  test("read_file opens the path its input check resolved, and resolves one itself when run unchecked", async () => {
    writeFileSync(path.join(root, "other.txt"), "other\n");
    symlinkSync(path.join(root, "notes.txt"), path.join(root, "current.txt"));
    const tool = runnable(readFileTool);
    const validated = await tool.validateInput({ path: "current.txt", startLine: 1, endLine: 1 }, context);
    assert.ok(validated.ok);
    // Re-pointed between check and run: the run reads what the check resolved (and bounded).
    rmSync(path.join(root, "current.txt"));
    symlinkSync(path.join(root, "other.txt"), path.join(root, "current.txt"));
    assert.deepEqual(toToolOutput(await tool.run(validated.input, context)), { text: "alpha", structured: { path: "notes.txt", startLine: 1, endLine: 1, truncated: false } });
    assert.deepEqual(toToolOutput(await tool.run({ path: "current.txt" }, context)), { text: "other", structured: { path: "other.txt", startLine: 1, endLine: 1, truncated: false } });
  });

  test("workspace tools refuse unsafe paths as invalid input, before running", async () => {
    assert.deepEqual(await call(readFileTool, { path: "../../etc/passwd" }), { refused: 'Invalid arguments for read_file: Path "../../etc/passwd" leaves the workspace root.' });
    assert.deepEqual(await call(listDirectoryTool, { path: "/etc" }), { refused: 'Invalid arguments for list_directory: Path "/etc" is absolute; give a path relative to the workspace root.' });
    assert.deepEqual(await call(searchTextTool, { query: "a", path: "missing" }), { refused: 'Invalid arguments for search_text: Path "missing" does not exist in the workspace.' });
  });
});
