import { parseSearchParams } from "@/lib/api/parse-search-params";
import { auditQuerySchema } from "@/lib/api/schemas/audit-query-schema";
import { withApiRoute } from "@/lib/api/with-api-route";
import { listAuditEvents } from "@/lib/audit/list-audit-events";

/** Admin: one page of audit events, newest first (?actorId=&actor=&action=&targetType=&targetId=&from=&to=&cursor=&limit=). */
export const GET = withApiRoute({ requires: "manageHub" }, async ({ request }) => {
  const { actor, ...filter } = parseSearchParams(request, auditQuerySchema);
  return Response.json(await listAuditEvents({ ...filter, actorLabel: actor }));
});
