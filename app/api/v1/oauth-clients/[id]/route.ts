import { assertUuidParam } from "@/lib/api/assert-uuid-param";
import { withApiRoute } from "@/lib/api/with-api-route";
import { revokeOAuthClient } from "@/lib/oauth/revoke-oauth-client";

/** Admin: revoke a client and every authorization users gave it (their sessions close). */
export const DELETE = withApiRoute<{ id: string }>({ requires: "manageHub" }, async ({ caller, params }) => {
  const id = assertUuidParam(params.id, "OAuth client");
  return Response.json(await revokeOAuthClient({ id, actor: caller.actor }));
});
