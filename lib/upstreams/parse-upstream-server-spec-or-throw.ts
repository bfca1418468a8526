import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { HubError } from "@/lib/errors/hub-error";
import { invalidServerError } from "@/lib/upstreams/invalid-server-error";
import { upstreamServerInputSchema, type UpstreamServerSpec } from "@/lib/upstreams/upstream-server-schema";

/**
 * A server registration validated by the shared schema, with a stdio server's working folder
 * checked on this machine (absolute, an existing folder). HubError validation_failed naming the
 * first problem ("Invalid server: cwd: ...") otherwise.
 */
export function parseUpstreamServerSpecOrThrow(input: unknown): UpstreamServerSpec {
  const parsed = upstreamServerInputSchema.safeParse(input);
  if (!parsed.success) throw invalidServerError(parsed.error);
  const spec = parsed.data;
  if (spec.transport === "stdio" && spec.cwd !== undefined) {
    if (!path.isAbsolute(spec.cwd)) throw new HubError("validation_failed", `Invalid server: cwd: must be an absolute folder path, got ${spec.cwd}`);
    if (!existsSync(spec.cwd) || !statSync(spec.cwd).isDirectory()) throw new HubError("validation_failed", `Invalid server: cwd: folder ${spec.cwd} does not exist`);
  }
  return spec;
}
