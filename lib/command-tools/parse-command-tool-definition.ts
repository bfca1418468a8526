import { HubError } from "@/lib/errors/hub-error";
import { checkCommandToolDefinition } from "@/lib/command-tools/check-command-tool-definition";
import { commandToolDefinitionSchema, type CommandToolDefinition } from "@/lib/command-tools/command-tool-schema";

/**
 * Parses and checks an admin's command tool definition (schema, then semantic rules);
 * HubError validation_failed with the first problem otherwise.
 */
export function parseCommandToolDefinition(raw: unknown): CommandToolDefinition {
  const parsed = commandToolDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HubError("validation_failed", `${issue.path.join(".") || "definition"}: ${issue.message}`);
  }
  const check = checkCommandToolDefinition(parsed.data);
  if (!check.ok) throw new HubError("validation_failed", check.message);
  return parsed.data;
}
