import type { UpstreamServer } from "@/lib/generated/prisma/client";
import type { UpstreamConfig, UpstreamTransport } from "@/lib/upstream-connections/upstream-config";
import { openConfigValues } from "@/lib/upstreams/stored-config-value";
import { openUpstreamUrl } from "@/lib/upstreams/stored-upstream-url";
import { upstreamSettingsVersion } from "@/lib/upstreams/upstream-settings-version";

/** A registry row as a connectable config, secrets decrypted (throws HubError when the key is wrong). */
export function readUpstreamConfig(row: UpstreamServer): UpstreamConfig {
  return {
    id: row.id,
    name: row.name,
    transport: row.transport as UpstreamTransport,
    command: row.command,
    args: row.args,
    cwd: row.cwd,
    url: openUpstreamUrl(row),
    env: openConfigValues("env", row.env),
    headers: openConfigValues("header", row.headers),
    timeoutMs: row.timeoutMs,
    maxConcurrency: row.maxConcurrency,
    settingsVersion: upstreamSettingsVersion(row),
  };
}
