import type { Principal } from "@/lib/api-keys/principal";
import { ROLES } from "@/lib/permissions/roles";

/** A yes/no capability of the ROLES table (everything but its label). */
export type RoleCapability = Exclude<keyof (typeof ROLES)[keyof typeof ROLES], "label">;

/**
 * Whether an API key's principal may use a role capability. A key limited to some tools (non-empty
 * allowedTools) has none, whatever its owner's role: it was handed out for those tools, and
 * through hub administration it could mint admins or unlimited keys.
 */
export function principalMay(principal: Pick<Principal, "role" | "allowedTools">, capability: RoleCapability): boolean {
  return principal.allowedTools.length === 0 && ROLES[principal.role][capability];
}
