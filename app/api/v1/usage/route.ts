import { getUsageSummary } from "@/lib/api/get-usage-summary";
import { parseSearchParams } from "@/lib/api/parse-search-params";
import { resolveCallerUsageFilter } from "@/lib/api/resolve-caller-usage-filter";
import { usageQuerySchema } from "@/lib/api/schemas/usage-query-schema";
import { withApiRoute } from "@/lib/api/with-api-route";

/** Usage figures for ?range= (default 24h): members (and tool-limited keys) their own; admins everyone or ?userId=. */
export const GET = withApiRoute({}, async ({ request, caller }) => {
  const query = parseSearchParams(request, usageQuerySchema);
  const userId = resolveCallerUsageFilter(caller, query.userId);
  return Response.json(await getUsageSummary({ range: query.range, userId }));
});
