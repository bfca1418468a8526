import type { ApiCaller } from "@/lib/api/api-caller";
import { callerMay } from "@/lib/api/caller-may";
import { HubError } from "@/lib/errors/hub-error";
import type { RoleCapability } from "@/lib/permissions/principal-may";
import { ROLES } from "@/lib/permissions/roles";

const TOOL_LIMITED_KEY = "This key is limited to specific tools and cannot administer the hub; use an unrestricted key or the console.";

/**
 * Throws HubError forbidden unless the caller may use the capability (callerMay): the role must
 * have it (ROLES table), and a key limited to some tools never has it, even an admin's.
 */
export function assertCallerMay(caller: Pick<ApiCaller, "role" | "via" | "principal">, capability: RoleCapability): void {
  if (callerMay(caller, capability)) return;
  if (ROLES[caller.role][capability]) throw new HubError("forbidden", TOOL_LIMITED_KEY);
  const holders = Object.values(ROLES)
    .filter((role) => role[capability])
    .map((role) => role.label.toLowerCase());
  throw new HubError("forbidden", `Forbidden: only ${holders.join(" or ")} users may do this.`);
}
