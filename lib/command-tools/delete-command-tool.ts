import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";

/**
 * Deletes an admin-defined command tool with its grants and revisions, audited, and publishes
 * catalog_changed. Built-in tools cannot be deleted (disable them instead): HubError not_found /
 * invalid_request. A seeded command tool (run_tests) comes back at the next start.
 */
export async function deleteCommandTool(input: { name: string; actor: Actor }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const tool = await tx.tool.findUnique({ where: { name: input.name }, include: { command: true } });
    if (!tool) throw new HubError("not_found", `Tool ${input.name} does not exist.`);
    if (!tool.command) throw new HubError("invalid_request", `Tool ${input.name} is built in; disable it instead of deleting it.`);
    await tx.tool.delete({ where: { name: input.name } });
    await recordAuditEvent(
      { actor: input.actor, action: "command_tool.delete", targetType: "tool", targetId: input.name, before: { version: tool.version, argv: tool.command.argv } },
      tx,
    );
  });
  publishHubEvent({ type: "catalog_changed" });
}
