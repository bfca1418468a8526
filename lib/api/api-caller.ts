import type { Principal } from "@/lib/api-keys/principal";
import type { Actor } from "@/lib/audit/record-audit-event";
import type { Role } from "@/lib/generated/prisma/enums";

/** How an API request proved who it is. */
export type ApiCredential = "key" | "session";

/**
 * Who is calling the JSON API, after authentication. `principal` is the key's principal, or for a
 * console session one standing for "every tool the user may call" (no key narrowing), so the
 * permission services answer both the same way. `actor` is what admin mutations audit.
 */
export interface ApiCaller {
  userId: string;
  email: string;
  role: Role;
  via: ApiCredential;
  principal: Principal;
  actor: Actor;
}
