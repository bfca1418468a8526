import { hashInviteToken } from "@/lib/console/admin/hash-invite-token";
import { isInviteCreatorActive } from "@/lib/console/admin/is-invite-creator-active";
import { INVITE_REFUSED_MESSAGE, INVITE_TOKEN_PATTERN } from "@/lib/console/admin/invite-lifetime";
import { getPrisma } from "@/lib/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The invite a link's token opens, if it can still be used: { ok: true, email, role } or
 * { ok: false, message } for a malformed, unknown, used, expired or withdrawn token, or one whose
 * creating admin has since been disabled (one message for all, so a guesser learns nothing).
 */
export async function findUsableInvite(token: string, now: Date = new Date()): Promise<{ ok: true; id: string; email: string; role: Role; expiresAt: Date } | { ok: false; message: string }> {
  const refused = { ok: false as const, message: INVITE_REFUSED_MESSAGE };
  if (!INVITE_TOKEN_PATTERN.test(token)) return refused;
  const invite = await getPrisma().invite.findUnique({ where: { tokenHash: hashInviteToken(token) } });
  if (!invite || invite.usedAt || invite.expiresAt.getTime() <= now.getTime()) return refused;
  if (!(await isInviteCreatorActive(invite.createdById))) return refused;
  return { ok: true, id: invite.id, email: invite.email, role: invite.role, expiresAt: invite.expiresAt };
}
