import { API_KEY_SUMMARY_SELECT, type ApiKeySummary } from "@/lib/api-keys/api-key-summary";
import { getPrisma } from "@/lib/db/prisma";

/** A user's keys, newest first, including revoked and expired ones; never the hash. */
export async function listApiKeys(userId: string): Promise<ApiKeySummary[]> {
  return getPrisma().apiKey.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: API_KEY_SUMMARY_SELECT });
}
