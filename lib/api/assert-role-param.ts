import { HubError } from "@/lib/errors/hub-error";
import { Role } from "@/lib/generated/prisma/enums";

/** Guards a role taken from the URL path: anything but a known role is HubError not_found. */
export function assertRoleParam(value: string): Role {
  if (!Object.hasOwn(Role, value)) throw new HubError("not_found", `Role ${value} not found: expected one of ${Object.keys(Role).join(", ")}`);
  return value as Role;
}
