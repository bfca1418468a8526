import { subscribeHubEvents } from "@/lib/events/hub-events";
import { logger } from "@/lib/log/logger";
import { loadCatalogRows } from "@/lib/tool-catalog/load-catalog-rows";
import { listRenamedUpstreamTools } from "@/lib/upstreams/list-renamed-upstream-tools";
import type { CatalogueSource, SnapshotEntry } from "@/mcp/catalogue/catalogue-source";
import { codeToolSource } from "@/mcp/catalogue/code-tool-source";
import { commandToolSource } from "@/mcp/catalogue/command-tool-source";
import { upstreamToolSource } from "@/mcp/catalogue/upstream-tool-source";

/** Where tools come from; a later source never shadows an earlier one's name. */
const SOURCES: readonly CatalogueSource[] = [codeToolSource, commandToolSource, upstreamToolSource];

export interface CatalogSnapshot {
  /** Enabled tools by name, in name order. */
  entries: ReadonlyMap<string, SnapshotEntry>;
  /** Known tools that cannot be served now, with the text a call gets (held for review, missing upstream). */
  unavailable: ReadonlyMap<string, string>;
  /** Old names of renamed servers' tools → their names now (no name the catalogue has). */
  renamed: ReadonlyMap<string, string>;
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
 * The in-memory catalogue the hot path reads: code, command and upstream tools merged with the DB
 * flags, disabled ones left out. One DB read per catalog_changed (or per 30 s), never per call;
 * a stale snapshot is served while a fresh one loads, and the last good one when loading fails.
 */
export async function loadCatalogueSnapshot(): Promise<CatalogSnapshot> {
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
  const renamed = await listRenamedUpstreamTools(new Set(rows.keys()));
  const entries = new Map<string, SnapshotEntry>();
  const unavailable = new Map<string, string>();
  for (const source of SOURCES) {
    const contributed = source.collect(rows);
    for (const [name, entry] of contributed.entries) if (!entries.has(name)) entries.set(name, entry);
    for (const [name, reason] of contributed.unavailable ?? []) if (!entries.has(name)) unavailable.set(name, reason);
  }
  return { entries: new Map([...entries].sort(([a], [b]) => a.localeCompare(b))), unavailable, renamed, loadedAt: Date.now() };
}
