import { parseJsonBody } from "@/lib/api/parse-json-body";
import { approveServerSchema } from "@/lib/api/schemas/approve-server-schema";
import { withApiRoute } from "@/lib/api/with-api-route";
import { approveUpstreamTools } from "@/lib/upstreams/approve-upstream-tools";

/** Admin: approve held tool definitions (audited; live sessions get list_changed); 409 when the fingerprinted version is no longer the one held. */
export const POST = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ request, caller, params }) => {
  const body = await parseJsonBody(request, approveServerSchema);
  const approved = await approveUpstreamTools({ serverName: params.name, toolName: body.tool, fingerprint: body.fingerprint, actor: caller.actor });
  return Response.json({ approved: approved.map((tool) => tool.name) });
});
