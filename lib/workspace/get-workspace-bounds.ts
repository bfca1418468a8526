import { mkdir, realpath } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { isInsideFolder } from "@/lib/workspace/is-inside-folder";
import type { WorkspaceBounds } from "@/lib/workspace/resolve-workspace-path";

const globalForWorkspace = globalThis as unknown as { switchboardWorkspaceBounds?: Map<string, Promise<WorkspaceBounds>> };

/**
 * The workspace root (created when missing) as a real path, plus the data folder when it lies
 * inside the root so the workspace tools can refuse it. Computed once per root and process.
 */
export function getWorkspaceBounds(workspaceRoot: string = getEnv().workspaceRoot, dataDir: string = getEnv().dataDir): Promise<WorkspaceBounds> {
  const cache = (globalForWorkspace.switchboardWorkspaceBounds ??= new Map());
  const key = `${path.resolve(workspaceRoot)}\0${path.resolve(dataDir)}`;
  let bounds = cache.get(key);
  if (!bounds) {
    bounds = (async () => {
      await mkdir(workspaceRoot, { recursive: true });
      const root = await realpath(workspaceRoot);
      const realDataDir = await realpath(dataDir).catch(() => path.resolve(dataDir));
      return { root, excluded: isInsideFolder(root, realDataDir) ? [realDataDir] : [] };
    })();
    bounds.catch(() => cache.delete(key));
    cache.set(key, bounds);
  }
  return bounds;
}
