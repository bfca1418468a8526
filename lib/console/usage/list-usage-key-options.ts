import { getPrisma } from "@/lib/db/prisma";

export interface UsageKeyOption {
  id: string;
  name: string;
  prefix: string;
  ownerEmail: string;
  revoked: boolean;
}

/**
 * The keys a usage filter offers: one user's (members always pass their own id), or every key
 * when `userId` is null (admins viewing everyone). Newest first, at most `limit` (default 500) so
 * a hub with very many keys still renders the form quickly. Never the hash.
 */
export async function listUsageKeyOptions(userId: string | null, limit = 500): Promise<UsageKeyOption[]> {
  const rows = await getPrisma().apiKey.findMany({
    where: userId ? { userId } : undefined,
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, name: true, prefix: true, revokedAt: true, user: { select: { email: true } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, prefix: row.prefix, ownerEmail: row.user.email, revoked: row.revokedAt !== null }));
}
