import { randomUUID } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UpstreamConfig } from "@/lib/upstream-connections/upstream-config";
import { probeUpstreamServer } from "@/lib/upstreams/probe-upstream-server";
import { sealConfigValues } from "@/lib/upstreams/stored-config-value";
import { syncUpstreamTools } from "@/lib/upstreams/sync-upstream-tools";
import { toUpstreamServerView, type UpstreamServerView } from "@/lib/upstreams/to-upstream-server-view";
import { upstreamServerInputSchema, type UpstreamServerSpec } from "@/lib/upstreams/upstream-server-schema";
import { UPSTREAM_SEPARATOR, upstreamToolName } from "@/lib/upstreams/upstream-tool-name";

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
  const parsed = upstreamServerInputSchema.safeParse(input.spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HubError("validation_failed", `Invalid server: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
  }
  const spec = parsed.data;
  assertWorkingFolder(spec);
  await assertNameFree(spec.name);
  const id = randomUUID();
  const probe = await probeUpstreamServer(toConfig(id, spec));
  const row = await getPrisma().$transaction(
    async (tx) => {
      // Checked again inside the transaction: the unique index would otherwise surface as a 500.
      if (await tx.upstreamServer.findUnique({ where: { name: spec.name }, select: { id: true } })) throw nameTaken(spec.name);
      const created = await tx.upstreamServer.create({ data: toRowData(id, spec) });
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

function assertWorkingFolder(spec: UpstreamServerSpec): void {
  if (spec.transport !== "stdio" || spec.cwd === undefined) return;
  if (!path.isAbsolute(spec.cwd)) throw new HubError("validation_failed", `Invalid server: cwd: must be an absolute folder path, got ${spec.cwd}`);
  if (!existsSync(spec.cwd) || !statSync(spec.cwd).isDirectory()) throw new HubError("validation_failed", `Invalid server: cwd: folder ${spec.cwd} does not exist`);
}

async function assertNameFree(name: string): Promise<void> {
  const prisma = getPrisma();
  const [server, tool] = await Promise.all([
    prisma.upstreamServer.findUnique({ where: { name }, select: { id: true } }),
    prisma.tool.findFirst({ where: { name: { startsWith: `${name}${UPSTREAM_SEPARATOR}` } }, select: { name: true } }),
  ]);
  if (server) throw nameTaken(name);
  if (tool) throw new HubError("conflict", `The tool ${tool.name} already uses the prefix ${name}${UPSTREAM_SEPARATOR}; choose another server name.`);
}

function nameTaken(name: string): HubError {
  return new HubError("conflict", `A server named ${name} already exists; choose another name or remove it first (server remove ${name}).`);
}

function toConfig(id: string, spec: UpstreamServerSpec): UpstreamConfig {
  const common = { id, name: spec.name, timeoutMs: spec.timeoutMs, maxConcurrency: spec.maxConcurrency };
  if (spec.transport === "stdio") {
    return { ...common, transport: "stdio", command: spec.command, args: spec.args, cwd: spec.cwd ?? null, url: null, env: Object.fromEntries(spec.env.map((entry) => [entry.name, entry.value])), headers: {} };
  }
  return { ...common, transport: spec.transport, command: null, args: [], cwd: null, url: spec.url, env: {}, headers: Object.fromEntries(spec.headers.map((entry) => [entry.name, entry.value])) };
}

function toRowData(id: string, spec: UpstreamServerSpec): Prisma.UpstreamServerCreateInput {
  const common = { id, name: spec.name, transport: spec.transport, timeoutMs: spec.timeoutMs, maxConcurrency: spec.maxConcurrency, status: "starting" };
  if (spec.transport === "stdio") {
    return { ...common, command: spec.command, args: spec.args, cwd: spec.cwd ?? null, env: sealConfigValues("env", spec.env) as unknown as Prisma.InputJsonValue };
  }
  return { ...common, url: spec.url, headers: sealConfigValues("header", spec.headers) as unknown as Prisma.InputJsonValue };
}
