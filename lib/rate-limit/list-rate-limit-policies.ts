import { getPrisma } from "@/lib/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/permissions/roles";
import { formatRateLimitPolicy } from "@/lib/rate-limit/format-rate-limit-policy";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/policies";

export interface RolePolicyView {
  role: Role;
  /** The effective policy text, e.g. "60/1m". */
  policy: string;
  /** True when the role has its own override (else the built-in default applies). */
  overridden: boolean;
}

/** The tools/call policy each role gets (per-key overrides are shown with the keys). */
export async function listRateLimitPolicies(): Promise<{ defaultPolicy: string; authFailures: string; roles: RolePolicyView[] }> {
  const rows = await getPrisma().rateLimitPolicy.findMany();
  const byRole = new Map(rows.map((row) => [row.role, row]));
  const defaultPolicy = formatRateLimitPolicy(RATE_LIMIT_POLICIES.toolCalls);
  return {
    defaultPolicy,
    authFailures: formatRateLimitPolicy(RATE_LIMIT_POLICIES.authFailures),
    roles: (Object.keys(ROLES) as Role[]).map((role) => {
      const row = byRole.get(role);
      return { role, policy: row ? formatRateLimitPolicy(row) : defaultPolicy, overridden: Boolean(row) };
    }),
  };
}
