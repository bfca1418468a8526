import { readCommandToolRow } from "@/lib/command-tools/read-command-tool-row";
import { parseCommandToolDefinition } from "@/lib/command-tools/parse-command-tool-definition";
import { subscribeHubEvents } from "@/lib/events/hub-events";
import { logger } from "@/lib/log/logger";
import { loadCatalogRows, type CatalogRow } from "@/lib/tool-catalog/load-catalog-rows";
import { CODE_TOOLS } from "@/mcp/tools/code-tools";
import type { RunnableTool } from "@/mcp/tools/runnable-tool";
import { toRunnableCodeTool } from "@/mcp/tools/to-runnable-code-tool";
import { toRunnableCommandTool } from "@/mcp/tools/to-runnable-command-tool";

/** An enabled tool with the date after which it is no longer listed or callable. */
export interface SnapshotEntry {
  tool: RunnableTool;
  sunsetAt: Date | null;
}

export interface CatalogSnapshot {
  /** Enabled tools by name, in name order. */
  entries: ReadonlyMap<string, SnapshotEntry>;
  loadedAt: number;
}

/**
 * How long a snapshot is trusted without an event. catalog_changed refreshes at once; this bounds
 * staleness for a change made on another instance when no Redis fan-out is configured.
 */
const MAX_SNAPSHOT_AGE_MS = 30_000;

interface SnapshotState {
  current?: CatalogSnapshot;
  /** The last good snapshot, served when a reload after catalog_changed fails (database down). */
  previous?: CatalogSnapshot;
  loading?: Promise<CatalogSnapshot>;
  /** Bumped by every catalog_changed so a load started before the event is not kept. */
  generation: number;
  unsubscribe?: () => void;
}

// On globalThis: the Node server and Next's bundles must share one snapshot and one subscription.
const globalForCatalog = globalThis as unknown as { switchboardCatalogSnapshot?: SnapshotState };

/**
 * The in-memory catalogue the hot path reads: code tools and command tools merged with the DB
 * flags, disabled ones left out. One DB read per catalog_changed (or per 30 s), never per call;
 * a stale snapshot is served while a fresh one loads, and the last good one when loading fails.
 */
export async function loadCatalogSnapshot(): Promise<CatalogSnapshot> {
  const state = (globalForCatalog.switchboardCatalogSnapshot ??= { generation: 0 });
  state.unsubscribe ??= subscribeHubEvents((event) => {
    if (event.type !== "catalog_changed") return;
    state.generation += 1;
    state.previous = state.current ?? state.previous;
    state.current = undefined;
    state.loading = undefined;
  });
  const { current } = state;
  if (current && Date.now() - current.loadedAt < MAX_SNAPSHOT_AGE_MS) return current;
  const loading = (state.loading ??= startLoad(state));
  if (current) return current;
  try {
    return await loading;
  } catch (error) {
    if (state.previous) return state.previous;
    throw error;
  }
}

function startLoad(state: SnapshotState): Promise<CatalogSnapshot> {
  const generation = state.generation;
  const loading = buildSnapshot().then(
    (snapshot) => {
      if (state.generation === generation) {
        state.current = snapshot;
        state.previous = undefined;
        state.loading = undefined;
      }
      return snapshot;
    },
    (error: unknown) => {
      if (state.generation === generation) state.loading = undefined;
      throw error;
    },
  );
  // A background refresh that fails must not become an unhandled rejection; callers awaiting it still see the error.
  loading.catch((error: unknown) => logger.error({ err: error }, "tool catalogue refresh failed"));
  return loading;
}

async function buildSnapshot(): Promise<CatalogSnapshot> {
  const rows = new Map((await loadCatalogRows()).map((row) => [row.name, row]));
  const entries = new Map<string, SnapshotEntry>();
  for (const tool of CODE_TOOLS) {
    const row = rows.get(tool.name);
    // A code tool not yet synced has no admin flags: it is active.
    if (row && !row.enabled) continue;
    entries.set(tool.name, { tool: toRunnableCodeTool(tool, row), sunsetAt: row?.sunsetAt ?? null });
  }
  for (const row of rows.values()) {
    if (!row.command || !row.enabled) continue;
    const tool = toCommandTool(row);
    if (tool) entries.set(row.name, { tool, sunsetAt: row.sunsetAt });
  }
  return { entries: new Map([...entries].sort(([a], [b]) => a.localeCompare(b))), loadedAt: Date.now() };
}

function toCommandTool(row: CatalogRow): RunnableTool | undefined {
  const command = row.command;
  if (!command) return undefined;
  try {
    const definition = parseCommandToolDefinition(readCommandToolRow(row, command));
    return toRunnableCommandTool(definition, { inputJsonSchema: row.inputSchema as Record<string, unknown>, deprecation: row, public: row.public });
  } catch (error) {
    // One broken row must not take the whole catalogue down; the console still shows it.
    logger.error({ err: error, tool: row.name }, "command tool definition is invalid; tool not served");
    return undefined;
  }
}
