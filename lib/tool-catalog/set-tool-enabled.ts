import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { publishHubEvent } from "@/lib/events/hub-events";
import { findToolOrThrow } from "@/lib/tool-catalog/find-tool-or-throw";

/**
 * Enables or disables a tool (a disabled tool is neither listed nor callable), audited, and
 * publishes catalog_changed. Setting the current value again is a no-op without audit or event.
 */
export async function setToolEnabled(input: { name: string; enabled: boolean; actor: Actor }): Promise<void> {
  const changed = await getPrisma().$transaction(async (tx) => {
    const tool = await findToolOrThrow(tx, input.name);
    if (tool.enabled === input.enabled) return false;
    await tx.tool.update({ where: { name: input.name }, data: { enabled: input.enabled } });
    await recordAuditEvent(
      {
        actor: input.actor,
        action: input.enabled ? "tool.enable" : "tool.disable",
        targetType: "tool",
        targetId: input.name,
        before: { enabled: tool.enabled },
        after: { enabled: input.enabled },
      },
      tx,
    );
    return true;
  });
  if (changed) publishHubEvent({ type: "catalog_changed" });
}
