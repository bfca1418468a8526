import { assertUuidParam } from "@/lib/api/assert-uuid-param";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { updateUserSchema } from "@/lib/api/schemas/update-user-schema";
import { updateUserSettings } from "@/lib/api/update-user-settings";
import { withApiRoute } from "@/lib/api/with-api-route";

/** Admin: change a user's role and/or disable or re-enable them. */
export const PATCH = withApiRoute<{ id: string }>({ requires: "manageHub" }, async ({ request, caller, params }) => {
  const userId = assertUuidParam(params.id, "User");
  const body = await parseJsonBody(request, updateUserSchema);
  return Response.json({ user: await updateUserSettings({ userId, body, actor: caller.actor }) });
});
