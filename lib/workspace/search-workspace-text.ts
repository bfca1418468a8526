import { createReadStream } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import { HubError } from "@/lib/errors/hub-error";
import { compileGlob } from "@/lib/workspace/compile-glob";
import { isBinaryFile } from "@/lib/workspace/is-binary-file";
import { isInsideFolder } from "@/lib/workspace/is-inside-folder";
import { resolveWorkspacePath, type WorkspaceBounds } from "@/lib/workspace/resolve-workspace-path";

/** Files larger than this are skipped; they are rarely source and slow every search. */
export const SEARCH_MAX_FILE_BYTES = 1024 * 1024;
/** Stop after this many files so one search cannot walk a huge tree for minutes. */
export const SEARCH_MAX_FILES = 20_000;
/** Folders that are never searched. */
export const SEARCH_SKIPPED_FOLDERS = [".git", "node_modules"] as const;
const MAX_LINE_CHARS = 300;

export const searchTextInputSchema = z.object({
  query: z.string().min(1).max(200).describe("Text to find, matched literally (no regular expression)"),
  path: z.string().max(1024).default(".").describe('Folder (or file) to search, relative to the workspace root; "." is the root'),
  glob: z.string().max(200).optional().describe('Only files whose name matches, e.g. "*.ts" or "src/**/*.md"'),
  caseSensitive: z.boolean().default(false).describe("Match upper/lower case exactly (default: ignore case)"),
  maxResults: z.number().int().min(1).max(500).default(100).describe("Most matching lines to return (max 500)"),
});
export type SearchTextInput = z.input<typeof searchTextInputSchema>;

export interface TextMatch {
  path: string;
  line: number;
  text: string;
}

/**
 * Finds lines containing `query` literally in the workspace text files under `path`, skipping
 * .git, node_modules, symlinks, binary files, files over SEARCH_MAX_FILE_BYTES and the data folder.
 * Stops at maxResults matches, SEARCH_MAX_FILES files, or when `signal` aborts.
 */
export async function searchWorkspaceText(
  bounds: WorkspaceBounds,
  rawInput: SearchTextInput,
  signal?: AbortSignal,
): Promise<{ matches: TextMatch[]; truncated: boolean; filesSearched: number }> {
  const input = searchTextInputSchema.parse(rawInput);
  const resolved = await resolveWorkspacePath(bounds, input.path);
  if (!resolved.ok) throw new HubError("validation_failed", resolved.message);
  const glob = input.glob ? compileGlob(input.glob) : undefined;
  const needle = input.caseSensitive ? input.query : input.query.toLowerCase();
  const matches: TextMatch[] = [];
  let filesSearched = 0;

  const searchFile = async (file: string): Promise<void> => {
    filesSearched += 1;
    if (await isBinaryFile(file)) return;
    const relative = path.relative(bounds.root, file).split(path.sep).join("/");
    const reader = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
    let lineNumber = 0;
    try {
      for await (const line of reader) {
        lineNumber += 1;
        if ((input.caseSensitive ? line : line.toLowerCase()).includes(needle)) {
          matches.push({ path: relative, line: lineNumber, text: line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line });
          if (matches.length >= input.maxResults) return;
        }
      }
    } finally {
      reader.close();
    }
  };

  const isDone = () => matches.length >= input.maxResults || filesSearched >= SEARCH_MAX_FILES || signal?.aborted === true;
  const visit = async (absolute: string, fromSearchRoot: string): Promise<void> => {
    if (isDone()) return;
    if ((bounds.excluded ?? []).some((excluded) => isInsideFolder(excluded, absolute))) return;
    const info = await lstat(absolute);
    if (info.isDirectory()) {
      const children = (await readdir(absolute)).sort((a, b) => a.localeCompare(b));
      for (const child of children) {
        if ((SEARCH_SKIPPED_FOLDERS as readonly string[]).includes(child)) continue;
        await visit(path.join(absolute, child), fromSearchRoot ? `${fromSearchRoot}/${child}` : child);
        if (isDone()) return;
      }
      return;
    }
    if (!info.isFile() || info.size > SEARCH_MAX_FILE_BYTES) return;
    if (glob && !glob.matches(glob.matchesBaseName ? path.basename(absolute) : fromSearchRoot)) return;
    await searchFile(absolute);
  };

  await visit(resolved.absolutePath, "");
  return { matches, truncated: isDone() && !signal?.aborted, filesSearched };
}
