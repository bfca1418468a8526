import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withApiRoute } from "@/lib/api/with-api-route";
import { editUpstreamServer } from "@/lib/upstreams/edit-upstream-server";
import { getUpstreamServer } from "@/lib/upstreams/get-upstream-server";
import { removeUpstreamServer } from "@/lib/upstreams/remove-upstream-server";
import { renameUpstreamServer } from "@/lib/upstreams/rename-upstream-server";
import { upstreamServerEditSchema } from "@/lib/upstreams/upstream-server-edit-schema";

/** Admin: one server with its tools, their state and the diffs of held changes. */
export const GET = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ params }) => Response.json({ server: await getUpstreamServer(params.name) }));

/**
 * Admin: rename it (`{ "name": NEW }` alone: its tools become NEW__TOOL), or change its settings (fields left out stay; env/headers entries without value keep the
 * stored one). Connected to first: nothing changes when the new settings do not work. The
 * settingsVersion read with GET may come back as If-Match (or expectedVersion): 409 when the
 * settings changed since.
 */
export const PATCH = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ request, caller, params }) => {
  const edit = await parseJsonBody(request, upstreamServerEditSchema);
  // If-Match: "VERSION" (a weak W/ prefix tolerated); "*" asks for no check.
  const ifMatch = request.headers.get("if-match")?.trim().replace(/^(W\/)?"(.*)"$/, "$2");
  const expectedVersion = edit.expectedVersion ?? (ifMatch && ifMatch !== "*" ? ifMatch : undefined);
  if (edit.name !== undefined) return Response.json(await renameUpstreamServer({ name: params.name, newName: edit.name, expectedVersion, actor: caller.actor }));
  return Response.json(await editUpstreamServer({ name: params.name, edit: { ...edit, expectedVersion }, actor: caller.actor }));
});

/** Admin: unregister the server and its tools (call logs stay). */
export const DELETE = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ caller, params }) => {
  await removeUpstreamServer({ name: params.name, actor: caller.actor });
  return Response.json({ name: params.name, deleted: true });
});
