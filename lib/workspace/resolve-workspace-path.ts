import { realpathSync } from "node:fs";
import path from "node:path";
import { checkRelativePath } from "@/lib/workspace/check-relative-path";
import { isInsideFolder } from "@/lib/workspace/is-inside-folder";
import type { WorkspacePathResult } from "@/lib/workspace/workspace-path-result";

export type { ResolvedWorkspacePath } from "@/lib/workspace/workspace-path-result";

export interface WorkspaceBounds {
  /** Real (symlink-free) absolute path of the workspace root. */
  root: string;
  /** Real absolute folders inside the root that clients must never see (the data folder). */
  excluded?: readonly string[];
}

/**
 * Resolves a client-given relative path to a real path inside the workspace. Refuses NUL bytes,
 * absolute paths, ".." escapes, symlinks that point outside the root (checked on the real path,
 * so a link anywhere in the chain counts), excluded folders, and paths that do not exist.
 */
export async function resolveWorkspacePath(bounds: WorkspaceBounds, relativePath: string): Promise<WorkspacePathResult> {
  const syntax = checkRelativePath(relativePath);
  if (!syntax.ok) return syntax;
  const lexical = path.resolve(bounds.root, relativePath === "" ? "." : relativePath);
  let real: string;
  try {
    // The native realpath(3), as fs/promises' realpath, but on the event loop: it walks cached
    // directory entries in a few µs, less than the thread-pool round trip would cost.
    real = realpathSync.native(lexical);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, message: `Path "${relativePath}" does not exist in the workspace.` };
    if (code === "ELOOP") return { ok: false, message: `Path "${relativePath}" is a symlink loop.` };
    return { ok: false, message: `Path "${relativePath}" cannot be read.` };
  }
  if (!isInsideFolder(bounds.root, real)) {
    return { ok: false, message: `Path "${relativePath}" resolves outside the workspace root (symlink).` };
  }
  if ((bounds.excluded ?? []).some((folder) => isInsideFolder(folder, real))) {
    return { ok: false, message: `Path "${relativePath}" is inside the hub's data folder, which the workspace tools do not expose.` };
  }
  return { ok: true, absolutePath: real, relativePath: path.relative(bounds.root, real) || "." };
}
