import type { CatalogRow } from "@/lib/tool-catalog/load-catalog-rows";
import type { RunnableTool } from "@/mcp/catalogue/runnable-tool";

/** An enabled tool with the date after which it is no longer listed or callable. */
export interface SnapshotEntry {
  tool: RunnableTool;
  sunsetAt: Date | null;
}

/** What one source contributes to a catalogue snapshot. */
export interface SourceTools {
  entries: Array<[string, SnapshotEntry]>;
  /** Tools that exist but cannot be served now (held for review, missing upstream), with the text a call gets. */
  unavailable?: Array<[string, string]>;
}

/**
 * One origin of tools: code tools, command tools, upstream tools. The snapshot merges the
 * sources; the pipeline sees only RunnableTools and never asks where one came from.
 */
export interface CatalogueSource {
  readonly name: string;
  /** This source's tools, given every catalogue row (admin flags: enabled, deprecation, public). */
  collect(rows: ReadonlyMap<string, CatalogRow>): SourceTools;
}
