import { getPrisma } from "@/lib/db/prisma";
import type { CallLog } from "@/lib/generated/prisma/client";
import type { CallKind, CallStatus } from "@/lib/generated/prisma/enums";
import { pageById, type IdPage, type IdPageRequest } from "@/lib/usage/page-by-id";

export interface CallLogFilter extends IdPageRequest {
  /** Tool calls, resource reads or prompt gets; absent: every kind. */
  kind?: CallKind;
  /** The tool, the resource's hub URI or the prompt's SERVER__PROMPT. */
  toolName?: string;
  /** Members must always pass their own id (resolveUsageUserFilter). */
  userId?: string | null;
  apiKeyId?: string;
  status?: CallStatus;
}

/**
 * One page of raw call logs (tool calls, and resource reads and prompt gets forwarded upstream),
 * newest first, with optional filters (kind, tool, user, key, status, time).
 * Keyset-paged on the id, so every page costs the same at millions of rows.
 */
export async function listCallLogs(filter: CallLogFilter = {}): Promise<IdPage<CallLog>> {
  return pageById(
    (page) =>
      getPrisma().callLog.findMany({
        ...page,
        where: {
          ...page.where,
          kind: filter.kind,
          toolName: filter.toolName,
          userId: filter.userId ?? undefined,
          apiKeyId: filter.apiKeyId,
          status: filter.status,
        },
      }),
    filter,
  );
}
