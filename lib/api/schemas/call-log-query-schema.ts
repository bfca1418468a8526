import { z } from "zod";
import { pageQuerySchema } from "@/lib/api/schemas/page-query-schema";
import { CallStatus } from "@/lib/generated/prisma/enums";

/** GET /api/v1/usage/calls: call-log browser filters plus keyset paging. */
export const callLogQuerySchema = pageQuerySchema.extend({
  tool: z.string().min(1).max(200).optional().describe("Only calls of this tool"),
  status: z.enum(CallStatus).optional().describe("Only calls with this outcome: ok, error, denied, rate_limited, invalid"),
  userId: z.uuid().optional().describe("Only this user's calls (members may only name themselves)"),
  keyId: z.uuid().optional().describe("Only calls made with this API key"),
});
