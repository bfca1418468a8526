import type { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/prisma";

/** Who made an administrative change: a console user, an API key's owner, or the CLI. */
export interface Actor {
  userId: string | null;
  /** Human-readable: the user's email, or "cli". */
  label: string;
}

export const CLI_ACTOR: Actor = { userId: null, label: "cli" };

export interface AuditEntry {
  actor: Actor;
  /** Dotted verb, e.g. "api_key.revoke", "tool.deprecate", "grant.add". */
  action: string;
  targetType: string;
  targetId: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

/**
 * Records one administrative change. Pass the transaction client so the audit row commits or
 * rolls back with the change itself. Never pass secrets or hashes in before/after.
 */
export async function recordAuditEvent(entry: AuditEntry, db: AuditWriter = getPrisma()): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actor.userId,
      actorLabel: entry.actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
