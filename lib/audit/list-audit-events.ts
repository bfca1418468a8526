import { getPrisma } from "@/lib/db/prisma";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { pageById, type IdPage, type IdPageRequest } from "@/lib/usage/page-by-id";

export interface AuditEventFilter extends IdPageRequest {
  /** Actor user id. */
  actorId?: string;
  /** Actor label, e.g. an email or "cli". */
  actorLabel?: string;
  /** Exact action ("grant.add") or a prefix ending in "." ("grant."). */
  action?: string;
  targetType?: string;
  targetId?: string;
}

/** One page of audit events (who changed what, before → after), newest first, filtered. */
export async function listAuditEvents(filter: AuditEventFilter = {}): Promise<IdPage<AuditEvent>> {
  return pageById(
    (page) =>
      getPrisma().auditEvent.findMany({
        ...page,
        where: {
          ...page.where,
          actorId: filter.actorId,
          actorLabel: filter.actorLabel,
          action: filter.action?.endsWith(".") ? { startsWith: filter.action } : filter.action,
          targetType: filter.targetType,
          targetId: filter.targetId,
        },
      }),
    filter,
  );
}
