import { getPrisma } from "@/lib/db/prisma";

/** Whether an invitation's creator may still vouch for it: the CLI (no creator) or an enabled user. */
export async function isInviteCreatorActive(createdById: string | null): Promise<boolean> {
  if (!createdById) return true;
  const creator = await getPrisma().user.findUnique({ where: { id: createdById }, select: { disabledAt: true } });
  return Boolean(creator && !creator.disabledAt);
}
