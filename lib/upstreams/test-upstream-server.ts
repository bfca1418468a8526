import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { probeUpstreamServer } from "@/lib/upstreams/probe-upstream-server";
import { readUpstreamConfig } from "@/lib/upstreams/read-upstream-config";

/**
 * "Test connection": connects to a registered server with its stored config in a separate
 * connection, lists its tools and disconnects. Returns one line saying what answered; HubError
 * not_found for an unknown name, invalid_request (naming the reason) when it cannot be reached.
 */
export async function testUpstreamServer(name: string): Promise<string> {
  const row = await getPrisma().upstreamServer.findUnique({ where: { name } });
  if (!row) throw new HubError("not_found", `No server named ${name}; see server list for the registered ones.`);
  const probe = await probeUpstreamServer(readUpstreamConfig(row));
  return `${name} answered${probe.serverVersion ? ` (version ${probe.serverVersion})` : ""} and lists ${probe.tools.length} tool(s).`;
}
