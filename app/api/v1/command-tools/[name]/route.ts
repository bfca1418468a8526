import { parseJsonBody } from "@/lib/api/parse-json-body";
import { commandToolReplacementSchema } from "@/lib/api/schemas/command-tool-body-schema";
import { withApiRoute } from "@/lib/api/with-api-route";
import { deleteCommandTool } from "@/lib/command-tools/delete-command-tool";
import { updateCommandTool } from "@/lib/command-tools/update-command-tool";

/** Admin: replace a command tool's definition (a breaking input change is refused with 409: use a new name). */
export const PUT = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ request, caller, params }) => {
  const definition = await parseJsonBody(request, commandToolReplacementSchema);
  await updateCommandTool({ name: params.name, definition: { ...definition, name: params.name }, actor: caller.actor });
  return Response.json({ name: params.name });
});

/** Admin: delete a command tool with its grants. */
export const DELETE = withApiRoute<{ name: string }>({ requires: "manageHub" }, async ({ caller, params }) => {
  await deleteCommandTool({ name: params.name, actor: caller.actor });
  return Response.json({ name: params.name, deleted: true });
});
