import { getPrisma } from "@/lib/db/prisma";
import type { CallLog } from "@/lib/generated/prisma/client";
import type { CallStatus } from "@/lib/generated/prisma/enums";
import { pageById, type IdPage, type IdPageRequest } from "@/lib/usage/page-by-id";

export interface CallLogFilter extends IdPageRequest {
  toolName?: string;
  /** Members must always pass their own id (resolveUsageUserFilter). */
  userId?: string | null;
  apiKeyId?: string;
  status?: CallStatus;
}

/**
 * One page of raw call logs, newest first, with optional filters (tool, user, key, status, time).
 * Keyset-paged on the id, so every page costs the same at millions of rows.
 */
export async function listCallLogs(filter: CallLogFilter = {}): Promise<IdPage<CallLog>> {
  return pageById(
    (page) =>
      getPrisma().callLog.findMany({
        ...page,
        where: {
          ...page.where,
          toolName: filter.toolName,
          userId: filter.userId ?? undefined,
          apiKeyId: filter.apiKeyId,
          status: filter.status,
        },
      }),
    filter,
  );
}
