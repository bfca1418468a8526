import { parseJsonBody } from "@/lib/api/parse-json-body";
import { commandToolBodySchema } from "@/lib/api/schemas/command-tool-body-schema";
import { withApiRoute } from "@/lib/api/with-api-route";
import { createCommandTool } from "@/lib/command-tools/create-command-tool";

/** Admin: register a command as a tool (argv with {{placeholders}}, typed parameters, folder, limits). */
export const POST = withApiRoute({ requires: "manageHub" }, async ({ request, caller }) => {
  const definition = await parseJsonBody(request, commandToolBodySchema);
  await createCommandTool({ definition, actor: caller.actor });
  return Response.json({ name: definition.name }, { status: 201 });
});
