import { findUsableInvite } from "@/lib/console/admin/find-usable-invite";
import { hashInviteToken } from "@/lib/console/admin/hash-invite-token";
import { INVITE_REFUSED_MESSAGE } from "@/lib/console/admin/invite-lifetime";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { createUser } from "@/lib/users/create-user";
import type { UserSummary } from "@/lib/users/user-summary";

/**
 * Turns an invite into an account with the invited email and role and the password the invitee
 * chose. The invite is claimed first with a conditional update, so two submissions of one link
 * create at most one user; if creating the user fails the claim is released. createUser audits
 * ("user.create", actor "invite:<email>"). Throws HubError not_found (unusable link),
 * validation_failed (password), conflict (email taken meanwhile).
 */
export async function acceptInvite(input: { token: string; password: string; name?: string; now?: Date }): Promise<UserSummary> {
  const prisma = getPrisma();
  const tokenHash = hashInviteToken(input.token);
  const now = input.now ?? new Date();
  const usable = await findUsableInvite(input.token, now);
  if (!usable.ok) throw new HubError("not_found", usable.message);
  const claim = await prisma.invite.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claim.count !== 1) throw new HubError("not_found", INVITE_REFUSED_MESSAGE);
  const invite = await prisma.invite.findUniqueOrThrow({ where: { tokenHash } });
  try {
    return await createUser({ email: invite.email, password: input.password, role: invite.role, name: input.name, actor: { userId: null, label: `invite:${invite.email}` } });
  } catch (error) {
    await prisma.invite.update({ where: { tokenHash }, data: { usedAt: null } });
    throw error;
  }
}
