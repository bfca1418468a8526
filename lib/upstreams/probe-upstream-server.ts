import { HubError } from "@/lib/errors/hub-error";
import { listUpstreamTools } from "@/lib/upstreams/list-upstream-tools";
import { redactConfiguredValues } from "@/lib/upstream-connections/redact-configured-values";
import { openUpstreamClient } from "@/lib/upstream-connections/open-upstream-client";
import type { UpstreamConfig } from "@/lib/upstream-connections/upstream-config";
import type { ListedUpstreamTool } from "@/lib/upstreams/sync-upstream-tools";

/** How long `server add` and "test connection" wait for the handshake and the tool list. */
const PROBE_TIMEOUT_MS = 20_000;

export interface ProbeResult {
  serverVersion: string | undefined;
  tools: ListedUpstreamTool[];
  skipped: string[];
}

/**
 * Connects to an upstream once, lists its tools and disconnects (stopping a stdio server). Throws
 * HubError invalid_request with one line naming the server, the reason and what to check when it
 * cannot be reached or does not speak MCP.
 */
export async function probeUpstreamServer(config: UpstreamConfig): Promise<ProbeResult> {
  let connection;
  try {
    connection = await openUpstreamClient(config, {}, PROBE_TIMEOUT_MS);
  } catch (error) {
    throw new HubError("invalid_request", `Server ${config.name} could not be reached over MCP: ${redactConfiguredValues((error as Error).message, config)}. ${hintFor(config)}`, { cause: error });
  }
  try {
    const { tools, skipped } = await listUpstreamTools(connection.client, PROBE_TIMEOUT_MS);
    return { serverVersion: connection.client.getServerVersion()?.version, tools, skipped };
  } catch (error) {
    throw new HubError("invalid_request", `Server ${config.name} connected but could not list its tools: ${redactConfiguredValues((error as Error).message.split("\n")[0], config)}.`, { cause: error });
  } finally {
    await connection.close();
  }
}

function hintFor(config: UpstreamConfig): string {
  if (config.transport === "stdio") return "Check the command, its arguments and environment (it must speak MCP on stdin/stdout).";
  return `Check the URL (an MCP endpoint; --transport ${config.transport === "http" ? "sse for legacy HTTP+SSE servers" : "http for Streamable HTTP servers"}) and its headers.`;
}
