import type { Prisma } from "@/lib/generated/prisma/client";
import { HubError } from "@/lib/errors/hub-error";

/**
 * Refuses a change that would leave the hub without an enabled admin (nobody could undo it).
 * Call inside the changing transaction, with the user about to lose admin rights.
 */
export async function assertAdminRemains(tx: Prisma.TransactionClient, losingUserId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: losingUserId } } });
  if (others === 0) throw new HubError("conflict", "This is the last enabled admin: make another user admin first");
}
