import { z } from "zod";
import { pageQuerySchema } from "@/lib/api/schemas/page-query-schema";

/** GET /api/v1/audit: audit-log filters plus keyset paging. */
export const auditQuerySchema = pageQuerySchema.extend({
  actorId: z.uuid().optional().describe("Only changes made by this user"),
  actor: z.string().min(1).max(320).optional().describe('Only changes by this actor label, e.g. an email or "cli"'),
  action: z.string().min(1).max(100).optional().describe('Exact action ("grant.add") or a prefix ending in "." ("grant.")'),
  targetType: z.string().min(1).max(50).optional().describe("Only changes to this kind of thing: user, api_key, tool"),
  targetId: z.string().min(1).max(200).optional().describe("Only changes to this user id, key id or tool name"),
});
