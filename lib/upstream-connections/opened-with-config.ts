import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { UpstreamConfig } from "@/lib/upstream-connections/upstream-config";

/**
 * The config each open upstream client was opened with, so a hook handed only the client (the
 * pool's tools re-read) can tell which settings its answers come from. Weak: a closed client
 * that nobody holds goes with its entry.
 */
const openedConfigs = new WeakMap<Client, UpstreamConfig>();

/** Records `config` as the one `client` was opened with (openUpstreamClient does). */
export function rememberOpenedConfig(client: Client, config: UpstreamConfig): void {
  openedConfigs.set(client, config);
}

/** The config `client` was opened with; undefined for a client openUpstreamClient did not make. */
export function openedWithConfig(client: Client): UpstreamConfig | undefined {
  return openedConfigs.get(client);
}
