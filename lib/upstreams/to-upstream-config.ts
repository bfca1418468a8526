import type { UpstreamConfig } from "@/lib/upstream-connections/upstream-config";
import type { UpstreamServerSpec } from "@/lib/upstreams/upstream-server-schema";

/** The connectable config a (validated) registration describes, values in clear. Pure. */
export function toUpstreamConfig(id: string, spec: UpstreamServerSpec): UpstreamConfig {
  const common = { id, name: spec.name, timeoutMs: spec.timeoutMs, maxConcurrency: spec.maxConcurrency };
  if (spec.transport === "stdio") {
    return { ...common, transport: "stdio", command: spec.command, args: spec.args, cwd: spec.cwd ?? null, url: null, env: Object.fromEntries(spec.env.map((entry) => [entry.name, entry.value])), headers: {} };
  }
  return { ...common, transport: spec.transport, command: null, args: [], cwd: null, url: spec.url, env: {}, headers: Object.fromEntries(spec.headers.map((entry) => [entry.name, entry.value])) };
}
