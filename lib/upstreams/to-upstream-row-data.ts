import type { Prisma } from "@/lib/generated/prisma/client";
import { sealConfigValues } from "@/lib/upstreams/stored-config-value";
import { sealUpstreamUrl } from "@/lib/upstreams/stored-upstream-url";
import type { UpstreamServerSpec } from "@/lib/upstreams/upstream-server-schema";

/**
 * The registry columns a (validated) registration stores, secret values (and a URL's secret
 * parts) encrypted; the other
 * kind's columns empty. Shared by `server add` (create) and `server edit` (update).
 */
export function toUpstreamRowData(spec: UpstreamServerSpec) {
  const common = { name: spec.name, transport: spec.transport, timeoutMs: spec.timeoutMs, maxConcurrency: spec.maxConcurrency };
  if (spec.transport === "stdio") {
    return { ...common, command: spec.command, args: spec.args, cwd: spec.cwd ?? null, env: sealConfigValues("env", spec.env) as unknown as Prisma.InputJsonValue, url: null, urlEncrypted: null, headers: [] };
  }
  return { ...common, command: null, args: [], cwd: null, env: [], ...sealUpstreamUrl(spec.url), headers: sealConfigValues("header", spec.headers) as unknown as Prisma.InputJsonValue };
}
