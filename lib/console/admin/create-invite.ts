import { randomBytes } from "node:crypto";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { hashInviteToken } from "@/lib/console/admin/hash-invite-token";
import { INVITE_LIFETIME_MS } from "@/lib/console/admin/invite-lifetime";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { normalizeEmail } from "@/lib/users/normalize-email";

/**
 * Creates a one-time invitation for `email` with `role`, valid 7 days. Returns the token once:
 * only its SHA-256 is stored, so a lost link cannot be recovered (make a new one). Audited in the
 * same transaction. Throws HubError validation_failed (email) or conflict (a user with that email
 * exists).
 */
export async function createInvite(input: { email: string; role: Role; actor: Actor; now?: Date }): Promise<{ token: string; expiresAt: Date }> {
  const email = normalizeEmail(input.email);
  if (!email.ok) throw new HubError("validation_failed", email.message);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date((input.now ?? new Date()).getTime() + INVITE_LIFETIME_MS);
  await getPrisma().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: email.email }, select: { id: true } })) {
      throw new HubError("conflict", `A user with email ${email.email} already exists`);
    }
    const invite = await tx.invite.create({
      data: { tokenHash: hashInviteToken(token), email: email.email, role: input.role, createdById: input.actor.userId, expiresAt },
      select: { id: true },
    });
    await recordAuditEvent(
      { actor: input.actor, action: "invite.create", targetType: "invite", targetId: invite.id, after: { email: email.email, role: input.role, expiresAt: expiresAt.toISOString() } },
      tx,
    );
  });
  return { token, expiresAt };
}
