import { withApiRoute } from "@/lib/api/with-api-route";
import { getUpstreamServer } from "@/lib/upstreams/get-upstream-server";
import { removeUpstreamServer } from "@/lib/upstreams/remove-upstream-server";

/** Admin: one server with its tools, their state and the diffs of held changes. */
export const GET = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ params }) => Response.json({ server: await getUpstreamServer(params.name) }));

/** Admin: unregister the server and its tools (call logs stay). */
export const DELETE = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ caller, params }) => {
  await removeUpstreamServer({ name: params.name, actor: caller.actor });
  return Response.json({ name: params.name, deleted: true });
});
