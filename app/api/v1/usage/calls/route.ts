import { parseSearchParams } from "@/lib/api/parse-search-params";
import { resolveCallerUsageFilter } from "@/lib/api/resolve-caller-usage-filter";
import { callLogQuerySchema } from "@/lib/api/schemas/call-log-query-schema";
import { withApiRoute } from "@/lib/api/with-api-route";
import { listCallLogs } from "@/lib/usage/list-call-logs";

/** One page of raw call logs, newest first (?kind=&tool=&server=&status=&keyId=&userId=&from=&to=&cursor=&limit=). */
export const GET = withApiRoute({}, async ({ request, caller }) => {
  const { tool, server, keyId, userId, ...rest } = parseSearchParams(request, callLogQuerySchema);
  return Response.json(await listCallLogs({ ...rest, toolName: tool, serverName: server, apiKeyId: keyId, userId: resolveCallerUsageFilter(caller, userId) }));
});
