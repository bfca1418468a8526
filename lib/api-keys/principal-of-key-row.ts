import type { Principal } from "@/lib/api-keys/principal";
import type { Role } from "@/lib/generated/prisma/enums";

/** What a principal is built from: select this from ApiKey (with any checks the caller needs). */
export const PRINCIPAL_KEY_SELECT = {
  id: true,
  prefix: true,
  allowedTools: true,
  rateLimitPolicy: true,
  rootKeyId: true,
  user: { select: { id: true, email: true, role: true } },
} as const;

interface PrincipalKeyRow {
  id: string;
  prefix: string;
  allowedTools: string[];
  rateLimitPolicy: string | null;
  rootKeyId: string | null;
  user: { id: string; email: string; role: Role };
}

/** The principal an ApiKey row (a key, or an OAuth grant) stands for, frozen; whether it is live is the caller's to check. */
export function principalOfKeyRow(row: PrincipalKeyRow): Principal {
  return Object.freeze({
    userId: row.user.id,
    email: row.user.email,
    role: row.user.role,
    keyId: row.id,
    keyPrefix: row.prefix,
    allowedTools: Object.freeze([...row.allowedTools]),
    rateLimitPolicy: row.rateLimitPolicy,
    budgetKeyId: row.rootKeyId ?? row.id,
  });
}
