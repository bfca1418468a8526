import type { ApiCaller } from "@/lib/api/api-caller";
import type { RoleCapability } from "@/lib/api/assert-caller-may";
import { ROLES } from "@/lib/permissions/roles";

/**
 * Whether the caller may use a role capability (ROLES table) on this request. A key limited to
 * some tools (non-empty allowedTools) has none, whatever its owner's role: it was handed out for
 * those tools, and through hub administration it could mint admins or unlimited keys.
 */
export function callerMay(caller: Pick<ApiCaller, "role" | "via" | "principal">, capability: RoleCapability): boolean {
  if (caller.via === "key" && caller.principal.allowedTools.length > 0) return false;
  return ROLES[caller.role][capability];
}
