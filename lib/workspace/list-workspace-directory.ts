import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { HubError } from "@/lib/errors/hub-error";
import { isInsideFolder } from "@/lib/workspace/is-inside-folder";
import { resolveWorkspacePath, type WorkspaceBounds } from "@/lib/workspace/resolve-workspace-path";

export const listDirectoryInputSchema = z.object({
  path: z.string().max(1024).default(".").describe('Folder relative to the workspace root; "." is the root'),
  depth: z.number().int().min(1).max(5).default(1).describe("How many levels to descend (1 = this folder only, max 5)"),
  maxEntries: z.number().int().min(1).max(1000).default(200).describe("Most entries to return (max 1000)"),
});
export type ListDirectoryInput = z.input<typeof listDirectoryInputSchema>;

export interface DirectoryEntry {
  /** Path from the workspace root, "/" separated. */
  path: string;
  type: "file" | "directory" | "symlink" | "other";
  size?: number;
}

/**
 * Lists a workspace folder breadth-first up to `depth` levels and `maxEntries` entries, sorted by
 * name. Symlinks are listed but never followed; the data folder is left out.
 */
export async function listWorkspaceDirectory(
  bounds: WorkspaceBounds,
  rawInput: ListDirectoryInput,
): Promise<{ entries: DirectoryEntry[]; truncated: boolean }> {
  const input = listDirectoryInputSchema.parse(rawInput);
  const resolved = await resolveWorkspacePath(bounds, input.path);
  if (!resolved.ok) throw new HubError("validation_failed", resolved.message);
  if (!(await stat(resolved.absolutePath)).isDirectory()) {
    throw new HubError("validation_failed", `"${resolved.relativePath}" is not a folder.`);
  }
  const entries: DirectoryEntry[] = [];
  let level: string[] = [resolved.absolutePath];
  for (let depth = 1; depth <= input.depth && level.length > 0; depth += 1) {
    const next: string[] = [];
    for (const folder of level) {
      const children = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      for (const child of children) {
        const absolute = path.join(folder, child.name);
        if ((bounds.excluded ?? []).some((excluded) => isInsideFolder(excluded, absolute))) continue;
        if (entries.length >= input.maxEntries) return { entries, truncated: true };
        const entry = await describeEntry(bounds.root, absolute, child);
        entries.push(entry);
        if (entry.type === "directory") next.push(absolute);
      }
    }
    level = next;
  }
  return { entries, truncated: false };
}

async function describeEntry(root: string, absolute: string, dirent: Dirent): Promise<DirectoryEntry> {
  const relative = path.relative(root, absolute).split(path.sep).join("/");
  if (dirent.isSymbolicLink()) return { path: relative, type: "symlink" };
  if (dirent.isDirectory()) return { path: relative, type: "directory" };
  if (dirent.isFile()) return { path: relative, type: "file", size: (await stat(absolute)).size };
  return { path: relative, type: "other" };
}
