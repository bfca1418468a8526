import { parseJsonBody } from "@/lib/api/parse-json-body";
import { toolGranteeSchema } from "@/lib/api/schemas/tool-grantee-schema";
import { withApiRoute } from "@/lib/api/with-api-route";
import { grantTool } from "@/lib/permissions/grant-tool";
import { revokeToolGrant } from "@/lib/permissions/revoke-tool-grant";

/** Admin: grant the tool to a role or a user ({ role } or { userId }). Idempotent. */
export const POST = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ request, caller, params }) => {
  const grantee = await parseJsonBody(request, toolGranteeSchema);
  return Response.json({ grant: await grantTool({ toolName: params.name, ...grantee, actor: caller.actor }) }, { status: 201 });
});

/** Admin: remove the grant of the tool to a role or a user ({ role } or { userId }). */
export const DELETE = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ request, caller, params }) => {
  const grantee = await parseJsonBody(request, toolGranteeSchema);
  return Response.json({ grant: await revokeToolGrant({ toolName: params.name, ...grantee, actor: caller.actor }) });
});
