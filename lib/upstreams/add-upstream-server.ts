import { randomUUID } from "node:crypto";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { publishHubEvent } from "@/lib/events/hub-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertUpstreamNameFree } from "@/lib/upstreams/assert-upstream-name-free";
import { probeUpstreamServer } from "@/lib/upstreams/probe-upstream-server";
import { parseUpstreamServerSpecOrThrow } from "@/lib/upstreams/parse-upstream-server-spec-or-throw";
import { syncUpstreamTools } from "@/lib/upstreams/sync-upstream-tools";
import { toUpstreamServerView, type UpstreamServerView } from "@/lib/upstreams/to-upstream-server-view";
import { toUpstreamConfig } from "@/lib/upstreams/to-upstream-config";
import { toUpstreamRowData } from "@/lib/upstreams/to-upstream-row-data";
import { upstreamToolName } from "@/lib/upstreams/upstream-tool-name";

export interface AddedUpstreamServer {
  server: UpstreamServerView;
  /** The catalogue names of the tools found and approved (NAME__TOOL). */
  tools: string[];
  /** Tools the server listed that the hub will not serve, with the reason. */
  skipped: string[];
}

/**
 * Registers an upstream server: validates the input, connects and lists its tools (HubError
 * invalid_request naming the reason when it cannot be reached or does not speak MCP), then in one
 * transaction stores it (secret values encrypted) with every listed tool approved by `actor`, and
 * audits it with secrets redacted. Nothing is stored when any step fails. HubError
 * validation_failed for bad input, conflict for a name already in use.
 */
export async function addUpstreamServer(input: { spec: unknown; actor: Actor }): Promise<AddedUpstreamServer> {
  const spec = parseUpstreamServerSpecOrThrow(input.spec);
  await assertUpstreamNameFree(spec.name);
  const id = randomUUID();
  const probe = await probeUpstreamServer(toUpstreamConfig(id, spec));
  const row = await getPrisma().$transaction(
    async (tx) => {
      await assertUpstreamNameFree(spec.name, tx);
      const created = await tx.upstreamServer.create({ data: { id, ...toUpstreamRowData(spec), status: "starting" } });
      await syncUpstreamTools({ serverId: id, serverName: spec.name, serverVersion: probe.serverVersion, tools: probe.tools, approveAs: input.actor }, tx);
      await recordAuditEvent(
        { actor: input.actor, action: "upstream.add", targetType: "upstream_server", targetId: spec.name, after: { ...toUpstreamServerView(created), tools: probe.tools.map((tool) => tool.name) } as unknown as Prisma.InputJsonValue },
        tx,
      );
      return created;
    },
    { timeout: 30_000 },
  );
  publishHubEvent({ type: "upstreams_changed", serverId: id });
  publishHubEvent({ type: "catalog_changed" });
  return { server: toUpstreamServerView(row), tools: probe.tools.map((tool) => upstreamToolName(spec.name, tool.name)), skipped: probe.skipped };
}
