import { mkdir, realpath } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { isInsideFolder } from "@/lib/workspace/is-inside-folder";
import type { WorkspaceBounds } from "@/lib/workspace/resolve-workspace-path";

/**
 * How long a root's real path is trusted. Every tool call needs it, and resolving it each time
 * costs a realpath per call; a root re-pointed on disk (a symlinked `current` release swapped)
 * is picked up within this long.
 */
export const WORKSPACE_BOUNDS_MAX_AGE_MS = 1000;

interface CachedBounds {
  bounds: Promise<WorkspaceBounds>;
  resolvedAt: number;
}

const globalForWorkspace = globalThis as unknown as { switchboardWorkspaceBounds?: Map<string, CachedBounds> };

/**
 * The workspace root (created when missing) as a real path, plus the data folder when it lies
 * inside the root so the workspace tools can refuse it. Cached per root and process for
 * `maxAgeMs`, then resolved again; a failed resolution is not cached.
 */
export function getWorkspaceBounds(
  workspaceRoot: string = getEnv().workspaceRoot,
  dataDir: string = getEnv().dataDir,
  maxAgeMs: number = WORKSPACE_BOUNDS_MAX_AGE_MS,
): Promise<WorkspaceBounds> {
  const cache = (globalForWorkspace.switchboardWorkspaceBounds ??= new Map());
  // Keyed by the paths as given, not resolved: every tool call asks, and two path.resolve calls
  // cost more than the lookup; two spellings of one folder merely get two entries.
  const key = `${workspaceRoot}\0${dataDir}`;
  const now = Date.now();
  const cached = cache.get(key);
  if (cached && now - cached.resolvedAt < maxAgeMs) return cached.bounds;
  const entry: CachedBounds = { bounds: resolveBounds(workspaceRoot, dataDir), resolvedAt: now };
  entry.bounds.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  cache.set(key, entry);
  return entry.bounds;
}

async function resolveBounds(workspaceRoot: string, dataDir: string): Promise<WorkspaceBounds> {
  await mkdir(workspaceRoot, { recursive: true });
  const root = await realpath(workspaceRoot);
  const realDataDir = await realpath(dataDir).catch(() => path.resolve(dataDir));
  return { root, excluded: isInsideFolder(root, realDataDir) ? [realDataDir] : [] };
}
