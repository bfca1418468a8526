import type { UpstreamToolDefinition } from "@/lib/upstreams/to-upstream-tool-definition";
import type { CatalogueSource, SnapshotEntry } from "@/mcp/catalogue/catalogue-source";
import { toRunnableUpstreamTool } from "@/mcp/catalogue/to-runnable-upstream-tool";

/**
 * Tools of the registered upstream servers (NAME__TOOL). Only approved definitions are served; a
 * new or changed definition awaiting review, or a tool the server no longer lists, is unavailable
 * with a message that says so.
 */
export const upstreamToolSource: CatalogueSource = {
  name: "upstream",
  collect(rows) {
    const entries: Array<[string, SnapshotEntry]> = [];
    const unavailable: Array<[string, string]> = [];
    for (const row of rows.values()) {
      const upstream = row.upstream;
      if (!upstream || !row.enabled) continue;
      const server = upstream.server.name;
      // Review before approval: `server show` prints the diff and the approve line pinned to what it showed.
      const approve = `an admin must review and approve it (npm run -s sb -- server show ${server}, then the approve line it prints for ${upstream.upstreamName}; or Approve on the console's Servers page)`;
      if (upstream.missingSince) {
        unavailable.push([row.name, `Tool ${row.name} is no longer offered by server ${server} (missing since ${upstream.missingSince.toISOString()}). Use another tool, or ask an admin to check ${server}.`]);
      } else if (!upstream.approvedDefinition) {
        unavailable.push([row.name, `Tool ${row.name} is new on server ${server} and awaits review: ${approve}.`]);
      } else if (upstream.pendingDefinition) {
        unavailable.push([row.name, `Tool ${row.name} was redefined by server ${server} and awaits review before it can be called again: ${approve}.`]);
      } else {
        const tool = toRunnableUpstreamTool({
          name: row.name,
          server,
          serverTimeoutMs: upstream.server.timeoutMs,
          upstreamName: upstream.upstreamName,
          version: row.version,
          definition: upstream.approvedDefinition as unknown as UpstreamToolDefinition,
          deprecation: row,
          public: row.public,
        });
        entries.push([row.name, { tool, sunsetAt: row.sunsetAt }]);
      }
    }
    return { entries, unavailable };
  },
};
