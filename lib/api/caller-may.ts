import type { ApiCaller } from "@/lib/api/api-caller";
import { principalMay, type RoleCapability } from "@/lib/permissions/principal-may";
import { ROLES } from "@/lib/permissions/roles";

/**
 * Whether the caller may use a role capability (ROLES table) on this request: a console session
 * by its role, an API key by principalMay (a tool-limited key has no role capability).
 */
export function callerMay(caller: Pick<ApiCaller, "role" | "via" | "principal">, capability: RoleCapability): boolean {
  if (caller.via === "key") return principalMay(caller.principal, capability);
  return ROLES[caller.role][capability];
}
