import { withApiRoute } from "@/lib/api/with-api-route";
import { listRateLimitPolicies } from "@/lib/rate-limit/list-rate-limit-policies";

/** Admin: the default tools/call limit, the failed-authentication limit, and each role's effective limit. */
export const GET = withApiRoute({ requires: "manageHub" }, async () => Response.json(await listRateLimitPolicies()));
