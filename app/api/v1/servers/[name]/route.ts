import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withApiRoute } from "@/lib/api/with-api-route";
import { editUpstreamServer } from "@/lib/upstreams/edit-upstream-server";
import { getUpstreamServer } from "@/lib/upstreams/get-upstream-server";
import { removeUpstreamServer } from "@/lib/upstreams/remove-upstream-server";
import { upstreamServerEditSchema } from "@/lib/upstreams/upstream-server-edit-schema";

/** Admin: one server with its tools, their state and the diffs of held changes. */
export const GET = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ params }) => Response.json({ server: await getUpstreamServer(params.name) }));

/**
 * Admin: change its settings (fields left out stay; env/headers entries without value keep the
 * stored one). Connected to first: nothing changes when the new settings do not work.
 */
export const PATCH = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ request, caller, params }) => {
  const edit = await parseJsonBody(request, upstreamServerEditSchema);
  return Response.json(await editUpstreamServer({ name: params.name, edit, actor: caller.actor }));
});

/** Admin: unregister the server and its tools (call logs stay). */
export const DELETE = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ caller, params }) => {
  await removeUpstreamServer({ name: params.name, actor: caller.actor });
  return Response.json({ name: params.name, deleted: true });
});
