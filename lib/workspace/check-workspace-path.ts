import { getWorkspaceBounds } from "@/lib/workspace/get-workspace-bounds";
import { resolveWorkspacePath } from "@/lib/workspace/resolve-workspace-path";
import type { InputCheck } from "@/lib/workspace/workspace-path-result";

/**
 * Input check for a tool's workspace path (escapes, absolute, NUL, symlinks out, data folder,
 * missing), so a bad path is refused as invalid input before the tool runs. The tool resolves it
 * again when it runs: the file system may change in between.
 */
export async function checkWorkspacePath(workspaceRoot: string, relativePath: string): Promise<InputCheck> {
  const resolved = await resolveWorkspacePath(await getWorkspaceBounds(workspaceRoot), relativePath);
  return resolved.ok ? { ok: true } : resolved;
}
