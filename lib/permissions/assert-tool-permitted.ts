import type { Principal } from "@/lib/api-keys/principal";
import { HubError } from "@/lib/errors/hub-error";
import { listPermittedTools } from "@/lib/permissions/list-permitted-tools";

/**
 * Throws HubError forbidden "Permission denied: tool <name> not authorized" unless the principal
 * may call the tool (see listPermittedTools). Unknown tools are refused the same way, so the
 * answer does not reveal which tools exist.
 */
export async function assertToolPermitted(principal: Principal, toolName: string): Promise<void> {
  const permitted = await listPermittedTools(principal);
  if (!permitted.has(toolName)) throw new HubError("forbidden", `Permission denied: tool ${toolName} not authorized`);
}
