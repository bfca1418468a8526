import path from "node:path";
import type { InputCheck } from "@/lib/workspace/workspace-path-result";

/** Longest accepted relative path; real repositories stay far below it. */
export const MAX_RELATIVE_PATH_LENGTH = 1024;

/**
 * Pure syntax check of a path a client gave for the workspace: relative, no NUL byte, and not
 * escaping the root through "..". Symlinks are checked later against the real file system.
 */
export function checkRelativePath(relativePath: string): InputCheck {
  if (relativePath.includes("\0")) return { ok: false, message: "Path must not contain a NUL byte." };
  if (relativePath.length > MAX_RELATIVE_PATH_LENGTH) {
    return { ok: false, message: `Path is longer than ${MAX_RELATIVE_PATH_LENGTH} characters.` };
  }
  if (path.isAbsolute(relativePath) || /^[a-zA-Z]:[\\/]/.test(relativePath) || relativePath.startsWith("\\")) {
    return { ok: false, message: `Path "${relativePath}" is absolute; give a path relative to the workspace root.` };
  }
  const normalized = path.posix.normalize(relativePath.replaceAll("\\", "/"));
  if (normalized === ".." || normalized.startsWith("../")) {
    return { ok: false, message: `Path "${relativePath}" leaves the workspace root.` };
  }
  return { ok: true };
}
