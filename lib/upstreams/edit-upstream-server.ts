import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import type { Prisma, UpstreamServer } from "@/lib/generated/prisma/client";
import { listUrlSecrets } from "@/lib/upstream-connections/list-url-secrets";
import { applyConfigValueEdits, type PlainConfigValue } from "@/lib/upstreams/apply-config-value-edits";
import { invalidServerError } from "@/lib/upstreams/invalid-server-error";
import { parseUpstreamServerSpecOrThrow } from "@/lib/upstreams/parse-upstream-server-spec-or-throw";
import { probeUpstreamServer } from "@/lib/upstreams/probe-upstream-server";
import { readUpstreamConfig } from "@/lib/upstreams/read-upstream-config";
import { viewConfigValues } from "@/lib/upstreams/stored-config-value";
import { restoreUrlSecrets } from "@/lib/upstreams/restore-url-secrets";
import { syncUpstreamTools } from "@/lib/upstreams/sync-upstream-tools";
import { toUpstreamConfig } from "@/lib/upstreams/to-upstream-config";
import { toUpstreamRowData } from "@/lib/upstreams/to-upstream-row-data";
import { toUpstreamServerView, type UpstreamServerView } from "@/lib/upstreams/to-upstream-server-view";
import { upstreamServerEditSchema, type UpstreamServerEdit } from "@/lib/upstreams/upstream-server-edit-schema";
import type { UpstreamServerSpec } from "@/lib/upstreams/upstream-server-schema";
import { upstreamSettingsVersion } from "@/lib/upstreams/upstream-settings-version";
import { upstreamToolName } from "@/lib/upstreams/upstream-tool-name";

export interface EditedUpstreamServer {
  server: UpstreamServerView;
  /** The catalogue names of the tools the server lists with its new settings (NAME__TOOL). */
  tools: string[];
  /** Tools new or redefined since approved: held (not listed, calls refused) until approved. */
  held: string[];
  /** Tools it no longer lists: marked missing (rows and grants stay). */
  missing: string[];
  /** Tools it lists that the hub will not serve, with the reason. */
  skipped: string[];
}

/**
 * Changes a registered server's settings (`edit`: see upstreamServerEditSchema; the name stays,
 * see renameUpstreamServer). The new settings are connected to and the tools listed first (HubError
 * invalid_request naming the reason, and nothing changed, when that fails); then in one
 * transaction the row is updated (secret values encrypted; a kept secret is decrypted only in
 * memory to connect, never returned), the tools are reconciled as on any re-read (changed or new
 * definitions held for review) and the change is audited with secrets redacted. Every instance's
 * pool drops its connection on upstreams_changed and reconnects with the new settings.
 *
 * A URL's password and query values are secrets too: the URL as shown ("***" for them) keeps the
 * stored one, and a "***" in an otherwise changed URL keeps the stored part in its place.
 * Pointing the server elsewhere (another URL origin, or another command, arguments or working
 * folder) is a new upstream: stored secrets, the URL's among them, are not handed to it unless typed again (else anyone
 * who may edit could read them off a host of theirs, the probe included), and every tool it lists
 * is held for review, even one defined as before. Switching between a local command and a remote
 * URL is such a move, and keeps nothing of the old kind (its env or headers are dropped).
 * HubError not_found for an unknown name, validation_failed for bad input, conflict when another
 * edit or removal got there first or the edit's expectedVersion is not the stored settings'.
 */
export async function editUpstreamServer(input: { name: string; edit: unknown; actor: Actor }): Promise<EditedUpstreamServer> {
  const parsed = upstreamServerEditSchema.safeParse(input.edit);
  if (!parsed.success) throw invalidServerError(parsed.error);
  if (parsed.data.name !== undefined) throw new HubError("validation_failed", "Invalid server: name: a rename is its own change (renameUpstreamServer), not an edit.");
  const row = await getPrisma().upstreamServer.findUnique({ where: { name: input.name } });
  if (!row) throw new HubError("not_found", `No server named ${input.name}; see server list for the registered ones.`);
  if (parsed.data.expectedVersion !== undefined && parsed.data.expectedVersion !== upstreamSettingsVersion(row)) {
    throw new HubError("conflict", `Server ${row.name} was changed since these settings were loaded; reload it and make your change again.`);
  }
  const { spec, secretsChanged, retargeted, switched } = mergeEdit(row, parsed.data);
  const probe = await probeUpstreamServer(toUpstreamConfig(row.id, spec));
  const { updated, summary } = await getPrisma().$transaction(
    async (tx) => {
      // The edit was merged onto `row`: a change committed since then would be silently undone.
      // (Compared by settings, not updatedAt: status writes of a reconnecting pool bump that.)
      await tx.$executeRaw`SELECT 1 FROM "UpstreamServer" WHERE id = ${row.id}::uuid FOR UPDATE`;
      const current = await tx.upstreamServer.findUnique({ where: { id: row.id } });
      if (!current || upstreamSettingsVersion(current) !== upstreamSettingsVersion(row)) {
        throw new HubError("conflict", `Server ${row.name} was ${current ? "changed" : "removed"} while this edit was being checked; reload it and try again.`);
      }
      const saved = await tx.upstreamServer.update({ where: { id: row.id }, data: { ...toUpstreamRowData(spec), status: "starting", lastError: null, statusAt: new Date() } });
      const synced = await syncUpstreamTools({ serverId: row.id, serverName: row.name, serverVersion: probe.serverVersion, tools: probe.tools, reviewAll: retargeted }, tx);
      await recordAuditEvent(
        {
          actor: input.actor,
          action: "upstream.edit",
          targetType: "upstream_server",
          targetId: row.name,
          before: toUpstreamServerView(row) as unknown as Prisma.InputJsonValue,
          after: { ...toUpstreamServerView(saved), secretsChanged, held: synced.held, ...(switched ? { switchedFrom: row.transport } : {}) } as unknown as Prisma.InputJsonValue,
        },
        tx,
      );
      return { updated: saved, summary: synced };
    },
    { timeout: 30_000 },
  );
  publishHubEvent({ type: "upstreams_changed", serverId: row.id });
  publishHubEvent({ type: "catalog_changed" });
  return { server: toUpstreamServerView(updated), tools: probe.tools.map((tool) => upstreamToolName(row.name, tool.name)), held: summary.held, missing: summary.missing, skipped: probe.skipped };
}

/** The fields only one kind of server has: a local command (stdio) or a remote URL (http, sse). */
const KIND_FIELDS = { local: ["command", "args", "env", "cwd"], remote: ["url", "headers"] } as const;

/**
 * Whether the edit switches the server's kind, and to which: a local server given a URL (or an
 * http/sse transport) becomes remote, a remote one given a command (or the stdio transport)
 * becomes local. Refuses, naming the field, the other kind's settings without the one that
 * defines that kind, and a switch that still gives settings of the kind it leaves.
 */
function kindAfterEdit(row: UpstreamServer, edit: UpstreamServerEdit): { local: boolean; switched: boolean } {
  const local = row.transport === "stdio";
  const kind = local ? "runs a local command (stdio)" : `is a remote server (${row.transport})`;
  const switched = local ? edit.url !== undefined || (edit.transport !== undefined && edit.transport !== "stdio") : edit.command !== undefined || edit.transport === "stdio";
  const [leaving, joining] = local ? [KIND_FIELDS.local, KIND_FIELDS.remote] : [KIND_FIELDS.remote, KIND_FIELDS.local];
  const defining = local ? "url" : "command";
  if (switched) {
    if (edit[defining] === undefined) throw new HubError("validation_failed", `Invalid server: ${defining}: give the ${local ? "URL" : "command"} to switch ${row.name} to a ${local ? "remote" : "local (stdio)"} server.`);
    const stale = leaving.find((field) => edit[field] !== undefined);
    if (stale) throw new HubError("validation_failed", `Invalid server: ${stale}: is for ${local ? "local (stdio)" : "remote"} servers, and this edit makes ${row.name} a ${local ? "remote" : "local (stdio)"} one.`);
    return { local: !local, switched: true };
  }
  const foreign = joining.find((field) => edit[field] !== undefined);
  if (foreign) throw new HubError("validation_failed", `Invalid server: ${foreign}: is for ${local ? "remote" : "local (stdio)"} servers; ${row.name} ${kind} (give ${defining} too to switch it).`);
  return { local, switched: false };
}

/**
 * The full registration after the edit, in clear, validated; the secrets it sets anew; and whether
 * it points the server elsewhere (refused while it would keep a stored secret). A switch of kind
 * is a retarget that keeps nothing of the old kind: its command, arguments, folder and
 * environment, or its URL and headers, are dropped (secrets of the old kind are never carried
 * over), and the new kind's settings are only those the edit gives.
 */
function mergeEdit(row: UpstreamServer, edit: UpstreamServerEdit): { spec: UpstreamServerSpec; secretsChanged: string[]; retargeted: boolean; switched: boolean } {
  const { local, switched } = kindAfterEdit(row, edit);
  const config = readUpstreamConfig(row);
  const field = local ? "env" : "headers";
  const current: PlainConfigValue[] = switched ? [] : viewConfigValues(local ? row.env : row.headers).map((entry) => ({ name: entry.name, secret: entry.secret, value: (local ? config.env : config.headers)[entry.name] ?? "" }));
  const values = applyConfigValueEdits(field, current, edit[field]);
  if (!values.ok) throw new HubError("validation_failed", `Invalid server: ${values.message}`);
  const before = new Map(current.map((entry) => [entry.name, entry]));
  // A server switched to remote has no stored URL whose secret parts a "***" could stand for.
  const url = local || edit.url === undefined ? { ok: true as const, url: config.url, kept: [] } : restoreUrlSecrets(edit.url, switched ? null : config.url);
  if (!url.ok) throw new HubError("validation_failed", `Invalid server: ${url.message}`);
  const secretsChanged = values.values.filter((entry) => entry.secret && (before.get(entry.name)?.value !== entry.value || !before.get(entry.name)?.secret)).map((entry) => entry.name);
  if (!local && JSON.stringify(listUrlSecrets(url.url)) !== JSON.stringify(listUrlSecrets(config.url))) secretsChanged.push("url");
  const limits = { timeoutMs: edit.timeoutMs ?? row.timeoutMs, maxConcurrency: edit.maxConcurrency ?? row.maxConcurrency };
  // Switching kind keeps none of the old kind's settings: the new ones are what the edit gives.
  const base = switched ? { command: null, args: [], cwd: null, transport: "http" } : row;
  const cwd = edit.cwd === undefined ? base.cwd : edit.cwd;
  const merged = local
    ? { name: row.name, transport: "stdio", command: edit.command ?? base.command, args: edit.args ?? base.args, env: values.values, ...(cwd ? { cwd } : {}), ...limits }
    : { name: row.name, transport: edit.transport ?? base.transport, url: url.url, headers: values.values, ...limits };
  const spec = parseUpstreamServerSpecOrThrow(merged);
  const retargeted = switched || (spec.transport === "stdio" ? spec.command !== row.command || JSON.stringify(spec.args) !== JSON.stringify(row.args) || (spec.cwd ?? null) !== row.cwd : originOf(spec.url) !== originOf(config.url ?? ""));
  const typed = new Set((edit[field] ?? []).flatMap((entry) => (entry.value === undefined ? [] : [entry.name])));
  const kept = [...values.values.filter((entry) => entry.secret && before.get(entry.name)?.secret && !typed.has(entry.name)).map((entry) => entry.name), ...url.kept];
  if (retargeted && kept.length > 0) {
    throw new HubError("validation_failed", `Invalid server: give the values of ${kept.join(", ")} again when pointing the server elsewhere (a kept secret is never sent to a new host or command).`);
  }
  return { spec, secretsChanged, retargeted, switched };
}

/** scheme://host:port, the party a URL's requests (and their headers) go to. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
