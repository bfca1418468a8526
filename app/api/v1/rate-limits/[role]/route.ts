import { assertRoleParam } from "@/lib/api/assert-role-param";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { rolePolicySchema } from "@/lib/api/schemas/role-policy-schema";
import { withApiRoute } from "@/lib/api/with-api-route";
import { setRoleRateLimitPolicy } from "@/lib/rate-limit/set-role-rate-limit-policy";

/** Admin: set a role's tools/call limit ({ policy: "600/1m" }), or back to the default ({ policy: null }). */
export const PUT = withApiRoute<{ role: string }>({ requires: "manageHub" }, async ({ request, caller, params }) => {
  const role = assertRoleParam(params.role);
  const { policy } = await parseJsonBody(request, rolePolicySchema);
  return Response.json({ role, policy: await setRoleRateLimitPolicy({ role, policy, actor: caller.actor }) });
});
