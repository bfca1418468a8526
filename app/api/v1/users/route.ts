import { parseJsonBody } from "@/lib/api/parse-json-body";
import { createUserSchema } from "@/lib/api/schemas/create-user-schema";
import { withApiRoute } from "@/lib/api/with-api-route";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";

/** Admin: every user, oldest first (no password hashes). */
export const GET = withApiRoute({ requires: "manageHub" }, async () => Response.json({ users: await listUsers() }));

/** Admin: create a user (email, optional password, role, name). */
export const POST = withApiRoute({ requires: "manageHub" }, async ({ request, caller }) => {
  const body = await parseJsonBody(request, createUserSchema);
  return Response.json({ user: await createUser({ ...body, actor: caller.actor }) }, { status: 201 });
});
