import { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertUpstreamNameFree } from "@/lib/upstreams/assert-upstream-name-free";
import { invalidServerError } from "@/lib/upstreams/invalid-server-error";
import { toUpstreamServerView, type UpstreamServerView } from "@/lib/upstreams/to-upstream-server-view";
import { upstreamNameSchema } from "@/lib/upstreams/upstream-server-schema";
import { upstreamSettingsVersion } from "@/lib/upstreams/upstream-settings-version";
import { UPSTREAM_SEPARATOR } from "@/lib/upstreams/upstream-tool-name";

export interface RenamedUpstreamServer {
  server: UpstreamServerView;
  renamed: { from: string; to: string };
  /** Each of its tools' catalogue names, old → new (OLD__TOOL → NEW__TOOL). */
  tools: Array<{ from: string; to: string }>;
  /** API keys and OAuth grants whose tool list named the server's tools (or OLD__*), now rewritten. */
  keysUpdated: number;
  /** Deprecated tools whose replacement named one of the server's tools, now rewritten. */
  replacementsUpdated: number;
}

/**
 * Renames a registered server, in one transaction: the server row, its tools' catalogue rows
 * OLD__TOOL → NEW__TOOL (their grants, schema history, review state and deprecation move with
 * them: the foreign keys cascade on update), per-server grants (they hold the server's id), the
 * tool lists of API keys, OAuth grants and pending authorization codes (OLD__TOOL and OLD__*),
 * and any deprecation whose replacement names one of its tools; audited as upstream.rename with
 * the old → new tool names. Call logs and their rollups are not rewritten: they record what
 * clients called, under the name it had then (see docs/operations.md).
 *
 * After the commit every instance hears it through hub events: pools let the old connection go
 * and connect under the new name (upstreams_changed, naming the rename so resource subscriptions
 * move with the server; the upstream is not probed, its settings are unchanged), catalogues reload (catalog_changed) and cached principals and permitted-tool lists
 * are dropped (permissions_changed), so live sessions get tools, resources and prompts
 * list_changed. `expectedVersion`, when given, must be the stored settingsVersion.
 * HubError validation_failed for a bad or unchanged name, not_found for an unknown server,
 * conflict for a name in use (or a tool prefixed NEW__) or stale settings.
 */
export async function renameUpstreamServer(input: { name: string; newName: unknown; expectedVersion?: string; actor: Actor }): Promise<RenamedUpstreamServer> {
  // Validated as `server add` validates a name, so the error names the field alike.
  const parsed = z.strictObject({ name: upstreamNameSchema }).safeParse({ name: input.newName });
  if (!parsed.success) throw invalidServerError(parsed.error);
  const newName = parsed.data.name;
  if (newName === input.name) throw new HubError("validation_failed", `Invalid server: name: the server is already named ${newName}.`);
  const result = await getPrisma().$transaction(
    async (tx) => {
      // Locked as an edit or a tool re-read locks it: none of them runs halfway through a rename.
      const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "UpstreamServer" WHERE name = ${input.name} FOR UPDATE`;
      const row = locked[0] && (await tx.upstreamServer.findUnique({ where: { id: locked[0].id }, include: { tools: { select: { toolName: true }, orderBy: { toolName: "asc" } } } }));
      if (!row) throw new HubError("not_found", `No server named ${input.name}; see server list for the registered ones.`);
      if (input.expectedVersion !== undefined && input.expectedVersion !== upstreamSettingsVersion(row)) {
        throw new HubError("conflict", `Server ${row.name} was changed since these settings were loaded; reload it and make your change again.`);
      }
      await assertUpstreamNameFree(newName, tx);
      const from = `${row.name}${UPSTREAM_SEPARATOR}`;
      const to = `${newName}${UPSTREAM_SEPARATOR}`;
      const tools = row.tools.map((tool) => ({ from: tool.toolName, to: to + tool.toolName.slice(from.length) }));
      const oldNames = tools.map((tool) => tool.from);
      // starts_with, not LIKE: a name's hyphens are literal, and only this server's rows match.
      await tx.$executeRaw`UPDATE "Tool" SET name = ${to} || substr(name, ${from.length + 1}) WHERE name = ANY(${oldNames}::text[])`;
      const replacementsUpdated = await tx.$executeRaw`UPDATE "Tool" SET replacement = ${to} || substr(replacement, ${from.length + 1}) WHERE replacement = ANY(${oldNames}::text[])`;
      // A key's list holds tool names and NAME__* patterns; order is kept (WITH ORDINALITY).
      const keysUpdated = await tx.$executeRaw`
        UPDATE "ApiKey" SET "allowedTools" = ARRAY(
          SELECT CASE WHEN starts_with(t, ${from}) THEN ${to} || substr(t, ${from.length + 1}) ELSE t END
          FROM unnest("allowedTools") WITH ORDINALITY AS u(t, n) ORDER BY n)
        WHERE EXISTS (SELECT 1 FROM unnest("allowedTools") t WHERE starts_with(t, ${from}))`;
      await tx.$executeRaw`
        UPDATE "OAuthAuthorizationCode" SET "allowedTools" = ARRAY(
          SELECT CASE WHEN starts_with(t, ${from}) THEN ${to} || substr(t, ${from.length + 1}) ELSE t END
          FROM unnest("allowedTools") WITH ORDINALITY AS u(t, n) ORDER BY n)
        WHERE EXISTS (SELECT 1 FROM unnest("allowedTools") t WHERE starts_with(t, ${from}))`;
      const saved = await tx.upstreamServer.update({ where: { id: row.id }, data: { name: newName, status: "starting", lastError: null, statusAt: new Date() } });
      await recordAuditEvent(
        {
          actor: input.actor,
          action: "upstream.rename",
          targetType: "upstream_server",
          targetId: newName,
          before: { name: row.name, tools: oldNames } as Prisma.InputJsonValue,
          after: { name: newName, tools: tools.map((tool) => tool.to), keysUpdated, replacementsUpdated } as Prisma.InputJsonValue,
        },
        tx,
      );
      return { server: toUpstreamServerView(saved), renamed: { from: row.name, to: newName }, tools, keysUpdated, replacementsUpdated, id: row.id };
    },
    { timeout: 30_000 },
  );
  publishHubEvent({ type: "upstreams_changed", serverId: result.id, renamed: result.renamed });
  publishHubEvent({ type: "catalog_changed" });
  publishHubEvent({ type: "permissions_changed" });
  const { id: _id, ...renamed } = result;
  return renamed;
}
