import { getPrisma } from "@/lib/db/prisma";
import type { CallLog } from "@/lib/generated/prisma/client";
import type { CallKind, CallStatus } from "@/lib/generated/prisma/enums";
import { attachCallServers } from "@/lib/usage/attach-call-servers";
import { buildServerCallFilter } from "@/lib/usage/build-server-call-filter";
import { pageById, type IdPage, type IdPageRequest } from "@/lib/usage/page-by-id";

export interface CallLogFilter extends IdPageRequest {
  /** Tool calls, resource reads or prompt gets; absent: every kind. */
  kind?: CallKind;
  /** The tool, the resource's hub URI or the prompt's SERVER__PROMPT. */
  toolName?: string;
  /** Only calls to this upstream server (buildServerCallFilter); a name no server has: none. */
  serverName?: string;
  /** Members must always pass their own id (resolveUsageUserFilter). */
  userId?: string | null;
  apiKeyId?: string;
  status?: CallStatus;
}

/** A call-log row as the browsers show it: with the upstream server it went to (null: the hub's own tool). */
export type CallLogEntry = IdPage<CallLog>["entries"][number] & { server: string | null };

/**
 * One page of raw call logs (tool calls, and resource reads and prompt gets forwarded upstream),
 * newest first, with optional filters (kind, tool, server, user, key, status, time), each entry
 * with its server (attachCallServers). Keyset-paged on the id, so every page costs the same at
 * millions of rows.
 */
export async function listCallLogs(filter: CallLogFilter = {}): Promise<{ entries: CallLogEntry[]; nextCursor: string | null }> {
  const serverCondition = filter.serverName === undefined ? undefined : await buildServerCallFilter(filter.serverName);
  if (serverCondition === null) return { entries: [], nextCursor: null };
  const page = await pageById(
    (query) =>
      getPrisma().callLog.findMany({
        ...query,
        where: {
          ...query.where,
          kind: filter.kind,
          toolName: filter.toolName,
          userId: filter.userId ?? undefined,
          apiKeyId: filter.apiKeyId,
          status: filter.status,
          AND: serverCondition ? [serverCondition] : undefined,
        },
      }),
    filter,
  );
  return { entries: await attachCallServers(page.entries), nextCursor: page.nextCursor };
}
