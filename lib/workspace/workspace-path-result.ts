/** Result of a pure check: ok, or a message safe to show the client. */
export type InputCheck = { ok: true } | { ok: false; message: string };

/** A workspace path that passed every check: its real absolute path and its path from the root. */
export type WorkspacePathResult = ResolvedWorkspacePath | { ok: false; message: string };

/** A path resolved inside the workspace. */
export interface ResolvedWorkspacePath {
  ok: true;
  absolutePath: string;
  relativePath: string;
}
