import type { Role } from "@/lib/generated/prisma/enums";

/** Who is calling: resolved from an API key on every MCP request (through a short-lived cache). */
export interface Principal {
  userId: string;
  email: string;
  role: Role;
  keyId: string;
  /** Visible key prefix, safe to log. */
  keyPrefix: string;
  /** Narrows the owner's tools; empty = all of the owner's tools. */
  allowedTools: readonly string[];
  /** Per-key rate-limit override ("600/1m"), or null. */
  rateLimitPolicy: string | null;
  /**
   * Whose budget this key's calls draw on: the first key of its line (a key minted by a key
   * shares its parent's budget); unset: this key itself.
   */
  budgetKeyId?: string;
}
