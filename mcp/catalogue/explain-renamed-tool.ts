import type { Principal } from "@/lib/api-keys/principal";
import { listPermittedTools } from "@/lib/permissions/list-permitted-tools";
import { loadCatalogueSnapshot } from "@/mcp/catalogue/load-catalogue-snapshot";

/**
 * What a call by a tool's old name answers when its server was renamed and the principal may call
 * it under its new name; undefined otherwise (then it is refused as any tool the principal may not
 * call, which reveals nothing: a principal who may not call the tool learns nothing of the rename).
 */
export async function explainRenamedTool(principal: Principal, name: string): Promise<string | undefined> {
  const now = (await loadCatalogueSnapshot()).renamed.get(name);
  if (!now || !(await listPermittedTools(principal)).has(now)) return undefined;
  return `Unknown tool: ${name} is now ${now} (its server was renamed). Call ${now}, and update any client or script configured with the old name.`;
}
