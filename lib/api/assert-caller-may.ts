import type { ApiCaller } from "@/lib/api/api-caller";
import { HubError } from "@/lib/errors/hub-error";
import { ROLES } from "@/lib/permissions/roles";

/** A yes/no capability of the ROLES table (everything but its label). */
export type RoleCapability = Exclude<keyof (typeof ROLES)[keyof typeof ROLES], "label">;

/** Throws HubError forbidden unless the caller's role has the capability (ROLES table). */
export function assertCallerMay(caller: Pick<ApiCaller, "role">, capability: RoleCapability): void {
  if (ROLES[caller.role][capability]) return;
  const holders = Object.values(ROLES)
    .filter((role) => role[capability])
    .map((role) => role.label.toLowerCase());
  throw new HubError("forbidden", `Forbidden: only ${holders.join(" or ")} users may do this.`);
}
