import { getPrisma } from "@/lib/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";

export interface PendingInvite {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
}

/** Invites not used yet and not expired, newest first (never their tokens: only hashes are stored). */
export async function listPendingInvites(now: Date = new Date()): Promise<PendingInvite[]> {
  return getPrisma().invite.findMany({
    where: { usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
}
