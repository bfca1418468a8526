import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withApiRoute } from "@/lib/api/with-api-route";
import { addUpstreamServer } from "@/lib/upstreams/add-upstream-server";
import { listUpstreamServers } from "@/lib/upstreams/list-upstream-servers";
import { upstreamServerInputSchema } from "@/lib/upstreams/upstream-server-schema";

/** Admin: every upstream server with status and tool counts (secret values redacted). */
export const GET = withApiRoute({ requires: "manageHub" }, async () => Response.json({ servers: await listUpstreamServers() }));

/** Admin: register an upstream server; it is connected and its tools listed (and approved) first. */
export const POST = withApiRoute({ requires: "manageHub" }, async ({ request, caller }) => {
  const spec = await parseJsonBody(request, upstreamServerInputSchema);
  return Response.json(await addUpstreamServer({ spec, actor: caller.actor }), { status: 201 });
});
