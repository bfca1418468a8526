import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withApiRoute } from "@/lib/api/with-api-route";
import { createInvite } from "@/lib/console/admin/create-invite";
import { inviteUserFormSchema } from "@/lib/console/admin/user-form-schemas";
import { getEnv } from "@/lib/env";

/** Admin: a one-time invitation link ({ email, role? }); the link is in this answer only. */
export const POST = withApiRoute({ requires: "manageHub" }, async ({ request, caller }) => {
  const form = await parseJsonBody(request, inviteUserFormSchema.strict());
  const invite = await createInvite({ ...form, actor: caller.actor });
  return Response.json({ inviteUrl: new URL(`/invite/${invite.token}`, getEnv().publicUrl).toString(), expiresAt: invite.expiresAt }, { status: 201 });
});
