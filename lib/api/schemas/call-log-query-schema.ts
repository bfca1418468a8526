import { z } from "zod";
import { pageQuerySchema } from "@/lib/api/schemas/page-query-schema";
import { CallKind, CallStatus } from "@/lib/generated/prisma/enums";
import { MAX_TOOL_NAME_CHARS } from "@/lib/limits/bound-client-string";
import { upstreamNameSchema } from "@/lib/upstreams/upstream-server-schema";

/** GET /api/v1/usage/calls: call-log browser filters plus keyset paging. */
export const callLogQuerySchema = pageQuerySchema.extend({
  kind: z.enum(CallKind).optional().describe("Only calls of this kind: tool (tools/call), resource (resources/read) or prompt (prompts/get)"),
  tool: z.string().min(1).max(MAX_TOOL_NAME_CHARS).optional().describe("Only calls of this tool (or resource hub URI, or prompt SERVER__PROMPT)"),
  server: upstreamNameSchema.optional().describe("Only calls to this upstream server (its tools, resources and prompts); a name no server has: an empty page"),
  status: z.enum(CallStatus).optional().describe("Only calls with this outcome: ok, error, denied, rate_limited, invalid"),
  userId: z.uuid().optional().describe("Only this user's calls (members may only name themselves)"),
  keyId: z.uuid().optional().describe("Only calls made with this API key"),
});
