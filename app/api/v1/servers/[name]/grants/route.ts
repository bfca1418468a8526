import { parseJsonBody } from "@/lib/api/parse-json-body";
import { toolGranteeSchema } from "@/lib/api/schemas/tool-grantee-schema";
import { withApiRoute } from "@/lib/api/with-api-route";
import { grantServer } from "@/lib/permissions/grant-server";

/** Admin: grant every tool of the server (present and future) to a role or a user. Idempotent. */
export const POST = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ request, caller, params }) => {
  const grantee = await parseJsonBody(request, toolGranteeSchema);
  return Response.json(await grantServer({ serverName: params.name, ...grantee, actor: caller.actor }), { status: 201 });
});
