import { parseJsonBody } from "@/lib/api/parse-json-body";
import { updateToolSchema } from "@/lib/api/schemas/update-tool-schema";
import { updateToolSettings } from "@/lib/api/update-tool-settings";
import { withApiRoute } from "@/lib/api/with-api-route";

/** Admin: enable/disable a tool and/or set or clear its deprecation. */
export const PATCH = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ request, caller, params }) => {
  const body = await parseJsonBody(request, updateToolSchema);
  return Response.json({ tool: await updateToolSettings({ name: params.name, body, actor: caller.actor }) });
});
