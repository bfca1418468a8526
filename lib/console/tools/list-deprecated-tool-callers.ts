import { getPrisma } from "@/lib/db/prisma";

/** One key (and its owner) that called a deprecated tool, with its most recent call. */
export interface DeprecatedToolCaller {
  keyId: string | null;
  keyPrefix: string | null;
  keyName: string | null;
  keyRevoked: boolean;
  userId: string | null;
  userEmail: string | null;
  calls: number;
  lastCallAt: Date;
}

/** How far back "still calls it" looks. */
export const DEPRECATED_CALLERS_WINDOW_DAYS = 30;

/**
 * Who still calls each of `toolNames` (meant for deprecated tools, so admins know whom to tell):
 * per key and user, the number of calls in the last 30 days and the last call, most recent
 * first. Keys and users deleted since are still listed by what the call log kept. One grouped
 * query on CallLog (indexed by tool and time) plus one lookup each for keys and users.
 */
export async function listDeprecatedToolCallers(toolNames: readonly string[], now: Date = new Date()): Promise<Map<string, DeprecatedToolCaller[]>> {
  const byTool = new Map<string, DeprecatedToolCaller[]>();
  if (toolNames.length === 0) return byTool;
  const prisma = getPrisma();
  const since = new Date(now.getTime() - DEPRECATED_CALLERS_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const groups = await prisma.callLog.groupBy({
    by: ["toolName", "apiKeyId", "keyPrefix", "userId"],
    // A prompt may share a tool's SERVER__NAME; only calls of the tool say who relies on it.
    where: { kind: "tool", toolName: { in: [...toolNames] }, at: { gte: since } },
    _count: { _all: true },
    _max: { at: true },
  });
  const keyIds = [...new Set(groups.flatMap((group) => (group.apiKeyId ? [group.apiKeyId] : [])))];
  const userIds = [...new Set(groups.flatMap((group) => (group.userId ? [group.userId] : [])))];
  const [keys, users] = await Promise.all([
    prisma.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true, prefix: true, revokedAt: true } }),
    prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }),
  ]);
  const keyById = new Map(keys.map((key) => [key.id, key]));
  const emailById = new Map(users.map((user) => [user.id, user.email]));
  for (const group of groups) {
    const key = group.apiKeyId ? keyById.get(group.apiKeyId) : undefined;
    const callers = byTool.get(group.toolName) ?? [];
    callers.push({
      keyId: group.apiKeyId,
      keyPrefix: key?.prefix ?? group.keyPrefix,
      keyName: key?.name ?? null,
      keyRevoked: Boolean(key?.revokedAt),
      userId: group.userId,
      userEmail: group.userId ? (emailById.get(group.userId) ?? null) : null,
      calls: group._count._all,
      lastCallAt: group._max.at ?? since,
    });
    byTool.set(group.toolName, callers);
  }
  for (const callers of byTool.values()) callers.sort((a, b) => b.lastCallAt.getTime() - a.lastCallAt.getTime());
  return byTool;
}
