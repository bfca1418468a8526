import type { Principal } from "@/lib/api-keys/principal";
import { listPermittedTools } from "@/lib/permissions/list-permitted-tools";
import { listRunnableTools } from "@/mcp/catalogue/list-runnable-tools";

/**
 * The upstream servers whose resources and prompts a principal may see: those with at least one
 * tool it may call now (a server grant permits all of a server's tools, so it counts too).
 */
export async function listVisibleServers(principal: Principal): Promise<ReadonlySet<string>> {
  const [permitted, runnable] = await Promise.all([listPermittedTools(principal), listRunnableTools()]);
  const servers = new Set<string>();
  for (const tool of runnable) if (tool.server && permitted.has(tool.name)) servers.add(tool.server);
  return servers;
}
