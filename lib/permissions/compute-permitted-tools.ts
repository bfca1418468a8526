import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/permissions/roles";

/** The permission inputs for one principal: the catalogue and the grants that concern it. */
export interface PermissionInputs {
  /** Every catalogue tool with its public flag and, for upstream tools, its server's name. */
  tools: readonly { name: string; public: boolean; server?: string | null }[];
  role: Role;
  /** Tools granted to the principal's role. */
  roleGrants: ReadonlySet<string>;
  /** Tools granted to the principal's user. */
  userGrants: ReadonlySet<string>;
  /** Upstream servers granted (every tool of theirs) to the principal's role or user. */
  serverGrants?: ReadonlySet<string>;
  /** The key's narrowing; empty = no narrowing. */
  allowedTools: readonly string[];
}

/**
 * (public ∪ role grants ∪ user grants ∪ tools of granted servers, or every tool for a role with allTools) ∩ the key's
 * allowedTools (when non-empty), restricted to tools in the catalogue. Pure.
 */
export function computePermittedTools(inputs: PermissionInputs): Set<string> {
  const everything = ROLES[inputs.role].allTools;
  const narrowing = inputs.allowedTools.length > 0 ? new Set(inputs.allowedTools) : null;
  const permitted = new Set<string>();
  for (const tool of inputs.tools) {
    const granted =
      everything || tool.public || inputs.roleGrants.has(tool.name) || inputs.userGrants.has(tool.name) || (!!tool.server && !!inputs.serverGrants?.has(tool.server));
    if (granted && (!narrowing || narrowing.has(tool.name))) permitted.add(tool.name);
  }
  return permitted;
}
